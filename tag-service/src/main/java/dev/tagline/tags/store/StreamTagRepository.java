package dev.tagline.tags.store;

import dev.tagline.events.TagReference;
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

    /**
     * Reloads the tag from the database, after writing this transaction's pending changes, so that a tag
     * found before its stream was locked is seen as the writer that held the lock left it.
     *
     * @return false when the tag was removed meanwhile
     */
    public Uni<Boolean> reload(StreamTag tag) {
        return getSession()
                .chain(session -> session.flush()
                        .chain(() -> session.createSelectionQuery(
                                        "select count(*) from StreamTag where id = ?1", Long.class)
                                .setParameter(1, tag.id)
                                .getSingleResult())
                        .chain(count -> count == 0
                                ? Uni.createFrom().item(false)
                                : session.refresh(tag).replaceWith(true)));
    }

    /** Every spec tag, in any namespace, whose DockerImage source is the given registry tag. */
    public Uni<List<StreamTag>> followingSource(String sourceKey) {
        return list("sourceKey = ?1 order by streamId, name", sourceKey);
    }

    /** Every tag, in any namespace, that is an alias of the stream tag {@code stream:tag} of the namespace. */
    public Uni<List<StreamTag>> aliasesOf(String namespace, String streamTag) {
        return list(
                "fromKind = ?1 and fromNamespace = ?2 and fromName = ?3 order by streamId, name",
                TagReference.Kind.ImageStreamTag,
                namespace,
                streamTag);
    }
}
