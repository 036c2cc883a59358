package dev.tagline.triggers.store;

import dev.tagline.triggers.domain.FollowedTag;
import dev.tagline.triggers.domain.FollowedTagRef;
import dev.tagline.triggers.domain.TagImage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** The newest image of every image stream tag, as {@code tag.updated} events told it. */
@ApplicationScoped
public class FollowedTagRepository implements PanacheRepositoryBase<FollowedTag, Long> {

    /**
     * Records the tag's new image. Events of one tag arrive in order (they share a key), so the last one
     * applied is the newest.
     */
    public Uni<Void> remember(TagImage image, Instant changedAt) {
        String upsert = "insert into followed_tags (namespace, image_stream, tag, digest, docker_image_reference,"
                + " generation, changed_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                + " on conflict (namespace, image_stream, tag) do update set digest = excluded.digest,"
                + " docker_image_reference = excluded.docker_image_reference, generation = excluded.generation,"
                + " changed_at = excluded.changed_at";
        return getSession()
                .chain(session -> session.createNativeQuery(upsert)
                        .setParameter(1, image.tag().namespace())
                        .setParameter(2, image.tag().imageStream())
                        .setParameter(3, image.tag().tag())
                        .setParameter(4, image.digest())
                        .setParameter(5, image.dockerImageReference())
                        .setParameter(6, image.generation())
                        .setParameter(7, changedAt)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The tag's newest image, empty while no {@code tag.updated} of it has been seen. */
    public Uni<Optional<TagImage>> current(FollowedTagRef tag) {
        return find("namespace = ?1 and imageStream = ?2 and tag = ?3", tag.namespace(), tag.imageStream(),
                tag.tag()).firstResult().map(found -> Optional.ofNullable(found).map(FollowedTag::image));
    }
}
