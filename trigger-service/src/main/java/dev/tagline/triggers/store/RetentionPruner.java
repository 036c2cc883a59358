package dev.tagline.triggers.store;

import dev.tagline.support.retention.RetentionDeletes;
import dev.tagline.support.time.Timestamps;
import dev.tagline.triggers.config.TriggersConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes bookkeeping past its retention, in small chunks: outbox rows the broker acknowledged long ago (unpublished
 * rows are never deleted), applied-event records older than any redelivery the topic can still make, and finished
 * deliveries. Actions are never deleted while their trigger lives: their keys are what keeps a trigger from
 * firing twice for one tag move.
 */
@ApplicationScoped
public class RetentionPruner {

    /** Oldest first, by primary key, which follows {@code created_at}: the scan stops after a chunk's worth. */
    private static final String FINISHED_DELIVERIES = "delete from deliveries where id = any(array("
            + "select id from deliveries where status <> 'pending' and created_at < $1 order by id limit $2))";

    private final RetentionDeletes deletes;
    private final TriggersConfig config;

    public RetentionPruner(RetentionDeletes deletes, TriggersConfig config) {
        this.deletes = deletes;
        this.config = config;
    }

    @Scheduled(every = "${tagline.triggers.prune-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> prune() {
        return deletes.publishedOutboxBefore(before(config.outbox().retention()))
                .chain(() -> deletes.appliedEventsBefore(before(config.appliedEventsRetention())))
                .chain(() -> deletes.inChunks(
                        FINISHED_DELIVERIES, before(config.delivery().retention())))
                .replaceWithVoid();
    }

    private static Instant before(Duration retention) {
        return Timestamps.now().minus(retention);
    }
}
