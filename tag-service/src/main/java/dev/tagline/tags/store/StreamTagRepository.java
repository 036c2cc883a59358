package dev.tagline.tags.store;

import dev.tagline.tags.domain.StreamTag;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The live tags of image streams. */
@ApplicationScoped
public class StreamTagRepository implements PanacheRepositoryBase<StreamTag, Long> {

    public Uni<StreamTag> findByName(Long streamId, String name) {
        return find("streamId = ?1 and name = ?2", streamId, name).firstResult();
    }

    public Uni<List<StreamTag>> listOfStream(Long streamId) {
        return list("streamId = ?1 order by name", streamId);
    }

    public Uni<List<StreamTag>> listOfStreams(Collection<Long> streamIds) {
        return list("streamId in ?1 order by streamId, name", streamIds);
    }

    /**
     * What the tag follows now, read from the database after any change of this transaction: empty when
     * the tag was removed, a null key when it follows nothing in a registry.
     */
    public Uni<Optional<String>> currentSourceKey(Long id) {
        return getSession()
                .chain(session -> session.createNativeQuery("select source_key from stream_tags where id = ?1",
                                String.class)
                        .setParameter(1, id)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(Objects.toString(rows.get(0), "")));
    }

    /** Every spec tag, in any namespace, whose DockerImage source is the given registry tag. */
    public Uni<List<StreamTag>> followingSource(String sourceKey) {
        return list("sourceKey = ?1 order by streamId, name", sourceKey);
    }
}
