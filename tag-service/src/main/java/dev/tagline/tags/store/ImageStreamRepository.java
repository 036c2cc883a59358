package dev.tagline.tags.store;

import dev.tagline.tags.domain.ImageStream;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

/** Image streams by namespace and name. */
@ApplicationScoped
public class ImageStreamRepository implements PanacheRepositoryBase<ImageStream, Long> {

    public Uni<ImageStream> findByName(String namespace, String name) {
        return find("namespace = ?1 and name = ?2", namespace, name).firstResult();
    }

    public Uni<List<ImageStream>> listInNamespace(String namespace) {
        return list("namespace = ?1 order by name", namespace);
    }

    /**
     * Locks the stream row for the rest of the transaction. Every change to a stream's tags takes this
     * lock first, which serialises concurrent changes to one stream and their generations.
     */
    public Uni<ImageStream> lock(Long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The stream, locked; created first when it does not exist yet. */
    public Uni<ImageStream> findOrCreateLocked(String namespace, String name, Instant now) {
        String upsert = "insert into image_streams (namespace, name, generation, created_at)"
                + " values (?1, ?2, 1, ?3) on conflict (namespace, name) do nothing";
        return getSession()
                .chain(session -> session.createNativeQuery(upsert)
                        .setParameter(1, namespace)
                        .setParameter(2, name)
                        .setParameter(3, now)
                        .executeUpdate())
                .chain(() -> find("namespace = ?1 and name = ?2", namespace, name)
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .firstResult());
    }
}
