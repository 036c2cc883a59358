package dev.tagline.support.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The CloudEvents the using service has applied, keyed by {@code (ce_source, ce_id)} as the spec defines identity;
 * each service keeps its own {@code applied_events} table in its own schema.
 */
@ApplicationScoped
public class AppliedEventLog {

    private final Pool pool;

    public AppliedEventLog(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records the event in the current transaction.
     *
     * @return false when it was applied before: the caller must change nothing. A concurrent duplicate
     *     waits on the unique key until the first transaction ends, so exactly one of them gets true.
     */
    public Uni<Boolean> recordFirstApplication(String source, String eventId, Instant now) {
        String insert = "insert into applied_events (source, event_id, applied_at) values (?1, ?2, ?3)"
                + " on conflict do nothing";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(insert)
                        .setParameter(1, source)
                        .setParameter(2, eventId)
                        .setParameter(3, now)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Whether the event was applied; lets a redelivery skip work (such as a registry call) before it would be refused at commit. */
    public Uni<Boolean> wasApplied(String source, String eventId) {
        // On the reactive client, outside the caller's session: a read that only saves work needs no transaction,
        // and an ORM native select would cache a new query plan on every execution (Hibernate 7.2).
        return pool.preparedQuery("select exists (select 1 from applied_events where source = $1 and event_id = $2)")
                .execute(Tuple.of(source, eventId))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }
}
