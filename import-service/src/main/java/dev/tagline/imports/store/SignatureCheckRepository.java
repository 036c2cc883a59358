package dev.tagline.imports.store;

import dev.tagline.imports.domain.SignatureCheck;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The signature checks' rows. Writers take the row lock first, so a request and a re-check of one image are
 * recorded one after the other, never over each other.
 */
@ApplicationScoped
public class SignatureCheckRepository implements PanacheRepositoryBase<SignatureCheck, Long> {

    /** The image's row, created if new, locked. */
    public Uni<SignatureCheck> lockedCreatingIfNew(
            String registry, String repository, String digest, String keys, boolean insecure, Instant now) {
        String insert =
                "insert into signature_checks (registry, repository, digest, trusted_keys, insecure, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (registry, repository, digest) do nothing";
        return getSession()
                .chain(session -> session.createNativeQuery(insert)
                        .setParameter(1, registry)
                        .setParameter(2, repository)
                        .setParameter(3, digest)
                        .setParameter(4, keys)
                        .setParameter(5, insecure)
                        .setParameter(6, now)
                        .executeUpdate())
                .chain(() -> find("registry = ?1 and repository = ?2 and digest = ?3", registry, repository, digest)
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .firstResult());
    }

    /** The row while the re-check {@code claimId} still holds it, locked; null when a request or another claim won. */
    public Uni<SignatureCheck> lockedForClaim(long id, UUID claimId) {
        return find("id = ?1 and claimId = ?2", id, claimId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /**
     * Locks up to {@code limit} due rows of registries that are not paused, skipping rows other replicas hold, so
     * that each due row goes to one replica. The caller marks them claimed in the same transaction.
     */
    public Uni<List<SignatureCheck>> lockDue(Instant now, int limit) {
        String due = "select * from signature_checks c where c.next_check <= ?1"
                + " and not exists (select 1 from registry_pauses p where p.registry = c.registry and p.paused_until > ?1)"
                + " order by c.next_check limit ?2 for update skip locked";
        return getSession()
                .chain(session -> session.createNativeQuery(due, SignatureCheck.class)
                        .setParameter(1, now)
                        .setParameter(2, limit)
                        .getResultList());
    }

    /**
     * Forgets images whose checks ended (verified, or the schedule ran out) before {@code cutoff}: a later request
     * for one is answered as a first one.
     */
    public Uni<Long> deleteSettledBefore(Instant cutoff) {
        return delete("nextCheck is null and claimId is null and lastCheckedAt < ?1", cutoff);
    }

    /** Gives a claimed row back unchecked, due again at {@code nextCheck}. */
    public Uni<Integer> release(long id, UUID claimId, Instant nextCheck) {
        return update("claimId = null, nextCheck = ?1 where id = ?2 and claimId = ?3", nextCheck, id, claimId);
    }
}
