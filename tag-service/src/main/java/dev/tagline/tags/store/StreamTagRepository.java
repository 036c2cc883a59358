package dev.tagline.tags.store;

import dev.tagline.tags.domain.StreamTag;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

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

    /** Every spec tag, in any namespace, whose DockerImage source is the given registry tag. */
    public Uni<List<StreamTag>> followingSource(String sourceKey) {
        return list("sourceKey = ?1 order by streamId, name", sourceKey);
    }
}
