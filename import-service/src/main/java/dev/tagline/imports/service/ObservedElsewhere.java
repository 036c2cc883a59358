package dev.tagline.imports.service;

import dev.tagline.events.reference.ImageReference;
import dev.tagline.imports.registry.ResolvedImage;
import dev.tagline.imports.store.ScheduledSourceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells the schedule what an on-demand or requested import saw of a scheduled source, in that import's
 * transaction: the next check then publishes only what is new since, and the failure state starts afresh.
 */
@ApplicationScoped
public class ObservedElsewhere {

    private final ScheduledSourceRepository sources;

    public ObservedElsewhere(ScheduledSourceRepository sources) {
        this.sources = sources;
    }

    public Uni<Void> resolved(ImageReference source, ResolvedImage image) {
        return sources.lockedByKey(source.tagKey())
                .invoke(row -> {
                    if (row != null) {
                        row.lastDigest = image.digest();
                        row.consecutiveFailures = 0;
                        row.failureReason = null;
                        row.failureMessage = null;
                    }
                })
                .replaceWithVoid();
    }
}
