package dev.tagline.imports.store;

import dev.tagline.imports.domain.ScheduledSource;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The schedule's rows. Writers take the row lock first: following, unfollowing and recording a check's result
 * are serialised per source, so a source is never deleted under a new follower nor updated by two checks.
 */
@ApplicationScoped
public class ScheduledSourceRepository implements PanacheRepositoryBase<ScheduledSource, Long> {

    /** The row of a source, locked; null when nothing follows it. */
    public Uni<ScheduledSource> lockedByKey(String sourceKey) {
        return find("sourceKey", sourceKey)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** The row while the check {@code claimId} still holds it, locked; null when another claim or a removal won. */
    public Uni<ScheduledSource> lockedForClaim(long id, UUID claimId) {
        return find("id = ?1 and claimId = ?2", id, claimId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /**
     * Locks up to {@code limit} due rows of registries that are not paused, skipping rows other replicas hold, so
     * that each due row goes to one replica. The caller marks them claimed in the same transaction.
     */
    public Uni<List<ScheduledSource>> lockDue(Instant now, int limit) {
        String due = "select * from scheduled_sources s where s.next_check <= ?1"
                + " and not exists (select 1 from registry_pauses p where p.registry = s.registry and p.paused_until > ?1)"
                + " order by s.next_check limit ?2 for update skip locked";
        return getSession()
                .chain(session -> session.createNativeQuery(due, ScheduledSource.class)
                        .setParameter(1, now)
                        .setParameter(2, limit)
                        .getResultList());
    }

    /** Gives a claimed row back unchecked, due again at {@code nextCheck}. */
    public Uni<Integer> release(long id, UUID claimId, Instant nextCheck) {
        return update("claimId = null, nextCheck = ?1 where id = ?2 and claimId = ?3", nextCheck, id, claimId);
    }
}
