package dev.tagline.tags.store;

import dev.tagline.support.retention.RetentionDeletes;
import dev.tagline.support.time.Timestamps;
import dev.tagline.tags.config.TagsConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes bookkeeping rows past their retention, in small chunks: outbox rows the broker acknowledged long ago
 * (unpublished rows are never deleted), and applied-event records older than any redelivery the topic can still make.
 */
@ApplicationScoped
public class RetentionPruner {

    private final RetentionDeletes deletes;
    private final Duration outboxRetention;
    private final Duration appliedEventsRetention;

    public RetentionPruner(RetentionDeletes deletes, TagsConfig config) {
        this.deletes = deletes;
        this.outboxRetention = config.outbox().retention();
        this.appliedEventsRetention = config.appliedEventsRetention();
    }

    @Scheduled(every = "${tagline.tags.prune-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> prune() {
        Instant now = Timestamps.now();
        return deletes.publishedOutboxBefore(now.minus(outboxRetention))
                .chain(() -> deletes.appliedEventsBefore(now.minus(appliedEventsRetention)))
                .replaceWithVoid();
    }
}
