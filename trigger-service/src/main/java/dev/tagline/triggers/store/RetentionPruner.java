package dev.tagline.triggers.store;

import dev.tagline.support.inbox.AppliedEventLog;
import dev.tagline.support.time.Timestamps;
import dev.tagline.triggers.config.TriggersConfig;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes bookkeeping past its retention: outbox rows the broker acknowledged long ago (unpublished rows are
 * never deleted), applied-event records older than any redelivery the topic can still make, and finished
 * deliveries. Actions are never deleted while their trigger lives: their keys are what keeps a trigger from
 * firing twice for one tag move.
 */
@ApplicationScoped
public class RetentionPruner {

    private final OutboxRepository outbox;
    private final AppliedEventLog appliedEvents;
    private final DeliveryRepository deliveries;
    private final TriggersConfig config;

    public RetentionPruner(OutboxRepository outbox, AppliedEventLog appliedEvents, DeliveryRepository deliveries,
            TriggersConfig config) {
        this.outbox = outbox;
        this.appliedEvents = appliedEvents;
        this.deliveries = deliveries;
        this.config = config;
    }

    @Scheduled(every = "${tagline.triggers.prune-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @WithTransaction
    Uni<Void> prune() {
        return outbox.deletePublishedBefore(before(config.outbox().retention()))
                .chain(() -> appliedEvents.deleteAppliedBefore(before(config.appliedEventsRetention())))
                .chain(() -> deliveries.deleteFinishedBefore(before(config.delivery().retention())))
                .replaceWithVoid();
    }

    private static Instant before(Duration retention) {
        return Timestamps.now().minus(retention);
    }
}
