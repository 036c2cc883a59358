package dev.tagline.tags.store;

import dev.tagline.tags.config.TagsConfig;
import dev.tagline.tags.domain.Timestamps;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Deletes outbox rows the broker acknowledged long ago, so the table holds what is pending plus a window
 * in which operators can see what was sent. Unpublished rows are never deleted.
 */
@ApplicationScoped
public class OutboxPruner {

    private final OutboxRepository outbox;
    private final Duration retention;

    public OutboxPruner(OutboxRepository outbox, TagsConfig config) {
        this.outbox = outbox;
        this.retention = config.outbox().retention();
    }

    @Scheduled(every = "${tagline.tags.outbox.prune-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @WithTransaction
    Uni<Void> prune() {
        return outbox.deletePublishedBefore(Timestamps.now().minus(retention)).replaceWithVoid();
    }
}
