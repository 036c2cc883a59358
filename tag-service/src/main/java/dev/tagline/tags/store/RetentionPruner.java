package dev.tagline.tags.store;

import dev.tagline.support.inbox.AppliedEventLog;
import dev.tagline.support.time.Timestamps;
import dev.tagline.tags.config.TagsConfig;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Deletes bookkeeping rows past their retention: outbox rows the broker acknowledged long ago (unpublished
 * rows are never deleted), and applied-event records older than any redelivery the topic can still make.
 */
@ApplicationScoped
public class RetentionPruner {

    private final OutboxRepository outbox;
    private final AppliedEventLog appliedEvents;
    private final Duration outboxRetention;
    private final Duration appliedEventsRetention;

    public RetentionPruner(OutboxRepository outbox, AppliedEventLog appliedEvents, TagsConfig config) {
        this.outbox = outbox;
        this.appliedEvents = appliedEvents;
        this.outboxRetention = config.outbox().retention();
        this.appliedEventsRetention = config.appliedEventsRetention();
    }

    @Scheduled(every = "${tagline.tags.prune-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @WithTransaction
    Uni<Void> prune() {
        return outbox.deletePublishedBefore(Timestamps.now().minus(outboxRetention))
                .chain(() -> appliedEvents.deleteAppliedBefore(Timestamps.now().minus(appliedEventsRetention)))
                .replaceWithVoid();
    }
}
