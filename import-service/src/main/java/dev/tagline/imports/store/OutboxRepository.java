package dev.tagline.imports.store;

import dev.tagline.imports.domain.OutboxMessage;
import dev.tagline.support.outbox.OutboxStore;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The transactional outbox of {@code registry-tag-events}. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, Long>, OutboxStore<OutboxMessage> {

    /** Arbitrary but fixed: identifies the relay's advisory lock among this database's locks ("imports"). */
    private static final long RELAY_LOCK_ID = 0x696d706f727473L;

    /**
     * Adds a message in the current transaction. An event id written before is kept as it was: the same
     * observation is published once.
     */
    public Uni<Integer> add(UUID eventId, String key, String type, String payload, Instant now) {
        String insert = "insert into outbox (event_id, record_key, type, payload, created_at)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict (event_id) do nothing";
        return getSession().chain(session -> session.createNativeQuery(insert)
                .setParameter(1, eventId)
                .setParameter(2, key)
                .setParameter(3, type)
                .setParameter(4, payload)
                .setParameter(5, now)
                .executeUpdate());
    }

    @Override
    public Uni<Boolean> tryLockRelay() {
        return getSession()
                .chain(session -> session.createNativeQuery("select pg_try_advisory_xact_lock(?1)", Boolean.class)
                        .setParameter(1, RELAY_LOCK_ID)
                        .getSingleResult());
    }

    @Override
    public Uni<List<OutboxMessage>> oldestUnpublished(int limit) {
        return find("publishedAt is null order by id").page(0, limit).list();
    }

    @Override
    public Uni<Integer> markPublished(List<Long> ids, Instant now) {
        return update("publishedAt = ?1 where id in ?2", now, ids);
    }

    public Uni<Long> deletePublishedBefore(Instant cutoff) {
        return delete("publishedAt < ?1", cutoff);
    }
}
