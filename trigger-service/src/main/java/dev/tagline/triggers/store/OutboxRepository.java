package dev.tagline.triggers.store;

import dev.tagline.triggers.domain.OutboxMessage;
import dev.tagline.support.outbox.OutboxStore;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The transactional outbox of {@code trigger-actions}. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, Long>, OutboxStore<OutboxMessage> {

    /** Arbitrary but fixed: identifies the relay's advisory lock among this database's locks. */
    private static final long RELAY_LOCK_ID = 0x74726967676572L;

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

    public Uni<Long> deletePublishedBefore(Instant cutoff) {
        return delete("publishedAt < ?1", cutoff);
    }

    @Override
    public Uni<Integer> markPublished(List<Long> ids, Instant now) {
        return update("publishedAt = ?1 where id in ?2", now, ids);
    }
}
