package dev.tagline.triggers.store;

import dev.tagline.triggers.domain.ClaimedDelivery;
import dev.tagline.triggers.domain.Delivery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery attempts' side of the deliveries table, on the reactive client's prepared statements (the hot path of
 * every webhook): claiming due deliveries under a lease, and recording how a batch of attempts went. Each is one
 * statement, atomic on its own.
 */
@ApplicationScoped
public class DeliveryLeases {

    /**
     * Due deliveries, oldest due first, at most {@code perSubscriber} in flight per subscriber counting those
     * already in flight here. The subscribers with pending deliveries are found by skipping through the
     * {@code (origin, next_attempt_at, id)} index, one probe each, and each one's oldest due deliveries are read from
     * it in order, so that a claim costs about the deliveries it may start, however many wait. {@code SKIP LOCKED}
     * lets replicas claim side by side without waiting on each other; the conditions on the delivery itself sit in
     * the locking query, so that Postgres checks them again on a row another replica claimed meanwhile and skips it.
     */
    private static final String CLAIM = """
            with recursive busy (origin, used) as (select * from unnest($1::text[], $2::int4[])),
            origins (origin) as (
                (select origin from deliveries where status = 'pending' order by origin limit 1)
                union all
                select (select d.origin from deliveries d where d.status = 'pending' and d.origin > o.origin
                        order by d.origin limit 1)
                from origins o where o.origin is not null
            ),
            candidates as (
                select c.id, c.next_attempt_at from origins o
                left join busy b on b.origin = o.origin
                cross join lateral (
                    select d.id, d.next_attempt_at from deliveries d
                    where d.origin = o.origin and d.status = 'pending' and d.next_attempt_at <= $3
                      and (d.claimed_until is null or d.claimed_until <= $3)
                    order by d.next_attempt_at, d.id
                    limit greatest($4 - coalesce(b.used, 0), 0)
                ) c
                where o.origin is not null
            ),
            claimable as (
                select d.id from deliveries d join candidates c on c.id = d.id
                where d.status = 'pending' and d.next_attempt_at <= $3
                  and (d.claimed_until is null or d.claimed_until <= $3)
                order by d.next_attempt_at, d.id
                limit $5
                for update of d skip locked
            )
            update deliveries d set claimed_until = $6, claim_token = $7, attempts = d.attempts + 1,
                last_attempt_at = $3
            from triggers t
            where d.id in (select id from claimable) and t.id = d.trigger_id
            returning d.id, d.webhook_id, d.payload, d.attempts, t.webhook_url, d.origin, t.webhook_secret
            """;

    /**
     * Only while the claim is still the attempt's: a delivery claimed anew after its attempt outlived the lease, or
     * redelivered, or gone with its trigger, is not the attempt's to record.
     */
    private static final String RECORD = """
            update deliveries d set status = v.status, next_attempt_at = v.next_attempt_at,
                last_status_code = v.last_status_code, last_error = v.last_error,
                delivered_at = coalesce(v.delivered_at, d.delivered_at), claimed_until = null, claim_token = null
            from unnest($1::int8[], $2::uuid[], $3::text[], $4::timestamptz[], $5::int4[], $6::text[],
                $7::timestamptz[]) as v(id, claim_token, status, next_attempt_at, last_status_code, last_error,
                delivered_at)
            where d.id = v.id and d.claim_token = v.claim_token
            returning d.id, d.next_attempt_at
            """;

    /** A delivery as its attempt left it, and the claim the attempt held. */
    public record Attempted(UUID claimToken, Delivery delivery) {}

    private final Pool pool;

    public DeliveryLeases(Pool pool) {
        this.pool = pool;
    }

    /**
     * Claims due deliveries for one attempt each, until {@code leaseUntil}: counted as an attempt already, so
     * that a delivery whose attempts keep crashing their replica still ends.
     *
     * @param inFlight attempts this replica has in flight, by subscriber origin
     */
    public Uni<List<ClaimedDelivery>> claimDue(
            Instant now, Instant leaseUntil, Map<String, Integer> inFlight, int perSubscriber, int limit) {
        UUID token = UUID.randomUUID();
        String[] origins = inFlight.keySet().toArray(String[]::new);
        Integer[] used = Arrays.stream(origins).map(inFlight::get).toArray(Integer[]::new);
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.tuple(
                        List.of(origins, used, timestamp(now), perSubscriber, limit, timestamp(leaseUntil), token)))
                .map(rows -> {
                    List<ClaimedDelivery> claimed = new ArrayList<>(rows.size());
                    rows.forEach(row -> claimed.add(new ClaimedDelivery(
                            row.getLong("id"),
                            token,
                            row.getString("webhook_id"),
                            row.getString("payload"),
                            row.getInteger("attempts"),
                            row.getString("webhook_url"),
                            row.getString("origin"),
                            row.getString("webhook_secret"))));
                    return claimed;
                });
    }

    /**
     * Records attempts, each as {@link Delivery#attempted} left it, where its claim still holds.
     *
     * @return for each delivery recorded, when it is due again; empty when it succeeded or was parked
     */
    public Uni<Map<Long, Optional<Instant>>> record(List<Attempted> attempts) {
        List<Delivery> attempted = attempts.stream().map(Attempted::delivery).toList();
        return pool.preparedQuery(RECORD)
                .execute(Tuple.tuple(List.of(
                        attempted.stream().map(d -> d.id).toArray(Long[]::new),
                        attempts.stream().map(Attempted::claimToken).toArray(UUID[]::new),
                        attempted.stream().map(d -> d.status.text()).toArray(String[]::new),
                        attempted.stream().map(d -> timestamp(d.nextAttemptAt)).toArray(OffsetDateTime[]::new),
                        attempted.stream().map(d -> d.lastStatusCode).toArray(Integer[]::new),
                        attempted.stream().map(d -> d.lastError).toArray(String[]::new),
                        attempted.stream().map(d -> timestamp(d.deliveredAt)).toArray(OffsetDateTime[]::new))))
                .map(rows -> {
                    Map<Long, Optional<Instant>> recorded = new HashMap<>();
                    rows.forEach(row -> recorded.put(
                            row.getLong("id"),
                            Optional.ofNullable(row.getOffsetDateTime("next_attempt_at"))
                                    .map(OffsetDateTime::toInstant)));
                    return recorded;
                });
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
