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
     * Creates the stream unless it exists; a concurrent creator is no error.
     *
     * @return whether this call created it
     */
    public Uni<Boolean> createIfAbsent(String namespace, String name, Instant now) {
        String insert = "insert into image_streams (namespace, name, created_at) values (?1, ?2, ?3)"
                + " on conflict (namespace, name) do nothing";
        return getSession()
                .chain(session -> session.createNativeQuery(insert)
                        .setParameter(1, namespace)
                        .setParameter(2, name)
                        .setParameter(3, now)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<ImageStream> findOrCreate(String namespace, String name, Instant now) {
        return createIfAbsent(namespace, name, now).chain(() -> findByName(namespace, name));
    }

    /**
     * The stream, created when missing, locked: tags are found or created only under their stream's lock,
     * so that two writers of one tag never collide.
     */
    public Uni<ImageStream> findOrCreateLocked(String namespace, String name, Instant now) {
        return findOrCreate(namespace, name, now).call(stream -> lock(stream.id));
    }

    /**
     * Locks the stream row until the transaction ends. Whoever appends history takes it first, so a tag's
     * newest item cannot change between reading it and appending after it. Writers that touch several
     * streams lock them in id order.
     */
    public Uni<Void> lock(Long id) {
        return getSession()
                .chain(session -> session.createSelectionQuery("select id from ImageStream where id = ?1", Long.class)
                        .setParameter(1, id)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList())
                .replaceWithVoid();
    }

    /**
     * Advances the stream's generation under its row lock and returns the new value. Two HQL statements where one
     * native {@code update … returning} would do: Hibernate 7.2 caches a new plan for every execution of a native
     * select, and this runs on every move that the per-event path makes.
     */
    public Uni<Long> nextGeneration(Long id) {
        return getSession()
                .chain(session -> session.createMutationQuery(
                                "update ImageStream set generation = generation + 1 where id = ?1")
                        .setParameter(1, id)
                        .executeUpdate()
                        .chain(() -> session.createSelectionQuery("select generation from ImageStream where id = ?1",
                                        Long.class)
                                .setParameter(1, id)
                                .getSingleResult()));
    }
}
