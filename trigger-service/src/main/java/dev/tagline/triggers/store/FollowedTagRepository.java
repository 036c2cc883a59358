package dev.tagline.triggers.store;

import dev.tagline.events.StreamTagRef;
import dev.tagline.triggers.domain.FollowedTag;
import dev.tagline.triggers.domain.TagImage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The newest image of every image stream tag, as {@code tag.updated} events told it ({@link TagMoveRepository} writes
 * it).
 */
@ApplicationScoped
public class FollowedTagRepository implements PanacheRepositoryBase<FollowedTag, Long> {

    /** The tag's newest image, empty while no {@code tag.updated} of it has been seen. */
    public Uni<Optional<TagImage>> current(StreamTagRef tag) {
        return find("namespace = ?1 and imageStream = ?2 and tag = ?3", tag.namespace(), tag.imageStream(), tag.tag())
                .firstResult()
                .map(found -> Optional.ofNullable(found).map(FollowedTag::image));
    }
}
