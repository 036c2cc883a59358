package dev.tagline.support.inbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The applied-event log ({@link AppliedEventLog}) for a batch consumer: records a batch's events with one statement,
 * on the reactive client's connection of the batch's transaction, and keeps the events applied for the first time. A
 * concurrent duplicate waits on the primary key until the first transaction ends, so exactly one of them applies it.
 */
@ApplicationScoped
public class AppliedEventBatch {

    private static final String RECORD_APPLIED = "insert into applied_events (source, event_id, applied_at)"
            + " select * from unnest($1::text[], $2::text[], $3::timestamptz[])"
            + " on conflict do nothing returning source, event_id";

    /** An event by its CloudEvents identity, {@code (ce_source, ce_id)}. */
    public record EventId(String source, String id) {}

    /**
     * Records the events as applied, in the connection's transaction.
     *
     * @return the events not applied before, in their order; an event that occurs twice in the batch is kept once,
     *     where it first occurs
     */
    public <E> Uni<List<E>> recordFirstApplications(
            SqlConnection connection, List<E> events, Function<E, EventId> idOf, Instant now) {
        List<EventId> ids = events.stream().map(idOf).toList();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return connection
                .preparedQuery(RECORD_APPLIED)
                .execute(Tuple.of(
                        ids.stream().map(EventId::source).toArray(String[]::new),
                        ids.stream().map(EventId::id).toArray(String[]::new),
                        ids.stream().map(id -> at).toArray(OffsetDateTime[]::new)))
                .map(rows -> {
                    Set<EventId> firstTime = new HashSet<>();
                    rows.forEach(row -> firstTime.add(new EventId(row.getString(0), row.getString(1))));
                    Set<EventId> taken = new HashSet<>();
                    List<E> toApply = new ArrayList<>(events.size());
                    for (int i = 0; i < events.size(); i++) {
                        if (firstTime.contains(ids.get(i)) && taken.add(ids.get(i))) {
                            toApply.add(events.get(i));
                        }
                    }
                    return toApply;
                });
    }
}
