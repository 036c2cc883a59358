package dev.tagline.tags.store;

import dev.tagline.events.TagReference;
import dev.tagline.tags.domain.ImageStream;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
     * Locks the stream row until the transaction ends, with every stream its moves may reach through aliases
     * ({@link #lockWithAliases}). Whoever appends history takes it first, so a tag's newest item cannot change
     * between reading it and appending after it.
     */
    public Uni<Void> lock(Long id) {
        return lockWithAliases(List.of(id));
    }

    /**
     * Locks the streams and every stream holding an alias of a tag in them, transitively, in id order, as the
     * consumer's batch locks the streams it moves: a move fans out to aliases in other streams, and a writer that
     * locked those only when it reached them could wait for a stream of lower id while holding one of higher id,
     * the order a concurrent writer takes them in the other way round (a deadlock). An alias made between finding
     * the streams and locking them (rare) adds streams that are locked after the others, out of order, as the
     * consumer's batch locks its late-comers.
     */
    public Uni<Void> lockWithAliases(Collection<Long> ids) {
        return withAliases(new TreeSet<>(ids)).chain(this::lockInIdOrder);
    }

    private Uni<Void> lockInIdOrder(Set<Long> ids) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select id from ImageStream where id in ?1 order by id", Long.class)
                        .setParameter(1, ids)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList())
                .chain(() -> withAliases(ids))
                .chain(reached -> reached.equals(ids) ? Uni.createFrom().voidItem() : lockInIdOrder(reached));
    }

    /** The streams and, transitively, every stream with a tag that is an alias of any tag of theirs. */
    private Uni<Set<Long>> withAliases(Set<Long> ids) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select distinct a.streamId from StreamTag a,"
                                        + " ImageStream s where s.id in ?1 and a.fromKind = ?2"
                                        + " and a.fromNamespace = s.namespace and a.fromName like concat(s.name, ':%')",
                                Long.class)
                        .setParameter(1, ids)
                        .setParameter(2, TagReference.Kind.ImageStreamTag)
                        .getResultList())
                .chain(found -> {
                    Set<Long> reached = new TreeSet<>(ids);
                    reached.addAll(found);
                    return reached.size() == ids.size() ? Uni.createFrom().item(reached) : withAliases(reached);
                });
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
                        .chain(() -> session.createSelectionQuery(
                                        "select generation from ImageStream where id = ?1", Long.class)
                                .setParameter(1, id)
                                .getSingleResult()));
    }
}
