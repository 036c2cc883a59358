package dev.tagline.imports.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records a batch of consumed events in {@code applied_events} with one statement, on the reactive client's
 * connection of the batch's transaction, and says which of them were new. A concurrent duplicate waits on the
 * primary key until the first transaction ends, so exactly one of them sees its event as new.
 */
@ApplicationScoped
public class AppliedEventBatch {

    private static final String RECORD_APPLIED = "insert into applied_events (source, event_id, applied_at)"
            + " select * from unnest($1::text[], $2::text[], $3::timestamptz[])"
            + " on conflict do nothing returning source, event_id";

    /** An event by its CloudEvents identity, {@code (ce_source, ce_id)}. */
    public record EventId(String source, String id) {
    }

    /** @return the events not applied before */
    public Uni<Set<EventId>> recordFirstApplications(SqlConnection connection, List<EventId> events, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return connection.preparedQuery(RECORD_APPLIED)
                .execute(Tuple.of(events.stream().map(EventId::source).toArray(String[]::new),
                        events.stream().map(EventId::id).toArray(String[]::new),
                        events.stream().map(event -> at).toArray(OffsetDateTime[]::new)))
                .map(rows -> {
                    Set<EventId> first = new HashSet<>();
                    rows.forEach(row -> first.add(new EventId(row.getString("source"), row.getString("event_id"))));
                    return first;
                });
    }
}
