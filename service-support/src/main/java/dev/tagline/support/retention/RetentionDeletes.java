package dev.tagline.support.retention;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes bookkeeping rows past their retention a small chunk at a time, each chunk one short statement of its own
 * that finds its rows through an index. At 1,000 events/s a day's backlog is tens of millions of rows: one delete of
 * them all would scan the table and hold its locks and a transaction for minutes, while chunks let the service's own
 * writes go on between them.
 */
@ApplicationScoped
public class RetentionDeletes {

    /** Rows per statement: large enough to amortise a round trip, small enough to finish in milliseconds. */
    static final int CHUNK = 1000;

    /** Oldest first, by primary key: published rows are the oldest, so the scan stops after a chunk's worth. */
    private static final String PUBLISHED_OUTBOX = "delete from outbox where id = any(array("
            + "select id from outbox where published_at < $1 order by id limit $2))";

    /** Through the {@code applied_at} index. */
    private static final String APPLIED_EVENTS = "delete from applied_events where ctid = any(array("
            + "select ctid from applied_events where applied_at < $1 limit $2))";

    private final Pool pool;

    public RetentionDeletes(Pool pool) {
        this.pool = pool;
    }

    /** Outbox rows the broker acknowledged before the cutoff; unpublished rows are never deleted. */
    public Uni<Long> publishedOutboxBefore(Instant cutoff) {
        return inChunks(PUBLISHED_OUTBOX, cutoff);
    }

    /** Applied-event records older than any redelivery the topic can still make. */
    public Uni<Long> appliedEventsBefore(Instant cutoff) {
        return inChunks(APPLIED_EVENTS, cutoff);
    }

    /**
     * Runs the delete until it deletes less than a chunk.
     *
     * @param delete deletes at most {@code $2} rows older than {@code $1}, found through an index
     * @return how many rows were deleted
     */
    public Uni<Long> inChunks(String delete, Instant cutoff) {
        return inChunks(delete, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC), 0);
    }

    private Uni<Long> inChunks(String delete, OffsetDateTime cutoff, long deletedSoFar) {
        return pool.preparedQuery(delete).execute(Tuple.of(cutoff, CHUNK)).chain(result -> {
            long deleted = deletedSoFar + result.rowCount();
            return result.rowCount() < CHUNK ? Uni.createFrom().item(deleted) : inChunks(delete, cutoff, deleted);
        });
    }
}
