package dev.tagline.imports.store;

import dev.tagline.imports.config.ImportsConfig;
import dev.tagline.support.retention.RetentionDeletes;
import dev.tagline.support.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes bookkeeping rows past their retention, the large tables in small chunks: outbox rows the broker
 * acknowledged long ago (unpublished rows are never deleted), applied-event records older than any redelivery the
 * topics can still make, registry pauses that ended, and signature checks settled as long ago as applied events.
 */
@ApplicationScoped
public class RetentionPruner {

    private final RetentionDeletes deletes;
    private final RegistryPauseRepository pauses;
    private final SignatureCheckRepository signatureChecks;
    private final Duration outboxRetention;
    private final Duration appliedEventsRetention;

    public RetentionPruner(
            RetentionDeletes deletes,
            RegistryPauseRepository pauses,
            SignatureCheckRepository signatureChecks,
            ImportsConfig config) {
        this.deletes = deletes;
        this.pauses = pauses;
        this.signatureChecks = signatureChecks;
        this.outboxRetention = config.outbox().retention();
        this.appliedEventsRetention = config.appliedEventsRetention();
    }

    @Scheduled(every = "${tagline.imports.prune-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @WithTransaction
    Uni<Void> prune() {
        Instant now = Timestamps.now();
        return deletes.publishedOutboxBefore(now.minus(outboxRetention))
                .chain(() -> deletes.appliedEventsBefore(now.minus(appliedEventsRetention)))
                // Few rows, one per paused registry: the ORM's delete in the method's transaction.
                .chain(() -> pauses.deleteEndedBefore(now))
                .chain(() -> signatureChecks.deleteSettledBefore(now.minus(appliedEventsRetention)))
                .replaceWithVoid();
    }
}
