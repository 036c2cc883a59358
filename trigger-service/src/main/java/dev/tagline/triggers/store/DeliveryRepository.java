package dev.tagline.triggers.store;

import dev.tagline.triggers.domain.ClaimedDelivery;
import dev.tagline.triggers.domain.Delivery;
import dev.tagline.triggers.domain.DeliveryStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Webhook deliveries: listed per trigger, and claimed for attempts by whichever replica is free. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, Long> {

    /**
     * Due deliveries, oldest due first, at most {@code perSubscriber} in flight per subscriber counting those
     * already in flight here. {@code SKIP LOCKED} lets replicas claim side by side without waiting on each
     * other; the conditions on the delivery itself sit in the locking query, so that Postgres checks them
     * again on a row another replica claimed meanwhile and skips it.
     */
    private static final String CLAIM = """
            with busy (origin, used) as (select * from unnest(cast(?1 as text[]), cast(?2 as integer[]))),
            ranked as (
                select d.id, coalesce(b.used, 0)
                        + row_number() over (partition by t.webhook_origin order by d.next_attempt_at, d.id) as load
                from deliveries d
                join triggers t on t.id = d.trigger_id
                left join busy b on b.origin = t.webhook_origin
                where d.status = 'pending' and d.next_attempt_at <= ?3
                  and (d.claimed_until is null or d.claimed_until <= ?3)
            ),
            claimable as (
                select d.id from deliveries d join ranked r on r.id = d.id
                where r.load <= ?4 and d.status = 'pending' and d.next_attempt_at <= ?3
                  and (d.claimed_until is null or d.claimed_until <= ?3)
                order by d.next_attempt_at, d.id
                limit ?5
                for update of d skip locked
            )
            update deliveries d set claimed_until = ?6, claim_token = ?7, attempts = d.attempts + 1,
                last_attempt_at = ?3
            from triggers t
            where d.id in (select id from claimable) and t.id = d.trigger_id
            returning d.id, d.webhook_id, d.payload, d.attempts, t.webhook_url, t.webhook_origin, t.webhook_secret
            """;

    /**
     * Claims due deliveries for one attempt each, until {@code leaseUntil}: counted as an attempt already, so
     * that a delivery whose attempts keep crashing their replica still ends.
     *
     * @param inFlight attempts this replica has in flight, by subscriber origin
     */
    public Uni<List<ClaimedDelivery>> claimDue(Instant now, Instant leaseUntil, Map<String, Integer> inFlight,
            int perSubscriber, int limit) {
        UUID token = UUID.randomUUID();
        String[] origins = inFlight.keySet().toArray(String[]::new);
        Integer[] used = Arrays.stream(origins).map(inFlight::get).toArray(Integer[]::new);
        return getSession()
                .chain(session -> session.createNativeQuery(CLAIM, Object[].class)
                        .setParameter(1, origins)
                        .setParameter(2, used)
                        .setParameter(3, now)
                        .setParameter(4, perSubscriber)
                        .setParameter(5, limit)
                        .setParameter(6, leaseUntil)
                        .setParameter(7, token)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new ClaimedDelivery(((Number) row[0]).longValue(), token,
                        (String) row[1], (String) row[2], ((Number) row[3]).intValue(), (String) row[4],
                        (String) row[5], (String) row[6])).toList());
    }

    /** The delivery, locked, if it belongs to the trigger. */
    public Uni<Delivery> findOfTriggerLocked(Long triggerId, Long id) {
        return find("id = ?1 and triggerId = ?2", id, triggerId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<Delivery> findLocked(Long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A trigger's deliveries, newest first, older than {@code beforeId} when given. */
    public Uni<List<Delivery>> page(Long triggerId, Long beforeId, int limit) {
        if (beforeId == null) {
            return find("triggerId = ?1 order by id desc", triggerId).page(0, limit).list();
        }
        return find("triggerId = ?1 and id < ?2 order by id desc", triggerId, beforeId).page(0, limit).list();
    }

    /** Deliveries that ended (succeeded or parked as failed) before the cutoff; pending ones are never deleted. */
}
