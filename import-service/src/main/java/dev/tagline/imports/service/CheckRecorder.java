package dev.tagline.imports.service;

import dev.tagline.events.Origin;
import dev.tagline.imports.domain.CheckTiming;
import dev.tagline.imports.domain.ClaimedCheck;
import dev.tagline.imports.domain.EventIds;
import dev.tagline.imports.domain.ImportResult;
import dev.tagline.imports.domain.ScheduledSource;
import dev.tagline.imports.registry.ImportFailedException;
import dev.tagline.imports.registry.ResolvedImage;
import dev.tagline.imports.store.ScheduledSourceRepository;
import dev.tagline.support.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Records what a scheduled check found, in one transaction with the events it publishes: a
 * {@code registry.tag.changed} only when the digest differs from the last one seen (or a failure ends), a
 * {@code registry.tag.import-failed} only when the failure reason changes. A check whose claim was superseded
 * (its lease ran out and another replica checked again) or whose source was unscheduled records nothing.
 */
@ApplicationScoped
public class CheckRecorder {

    private static final Logger LOG = Logger.getLogger(CheckRecorder.class);

    private final ScheduledSourceRepository sources;
    private final ImportEvents events;
    private final CheckTiming timing;

    public CheckRecorder(ScheduledSourceRepository sources, ImportEvents events, CheckTiming timing) {
        this.sources = sources;
        this.events = events;
        this.timing = timing;
    }

    /** @return whether an event was written */
    public Uni<Boolean> record(ClaimedCheck check, ImportResult result) {
        return Panache.withTransaction(() -> sources.lockedForClaim(check.sourceId(), check.claimId())
                .chain(row -> {
                    if (row == null) {
                        return Uni.createFrom().item(false);
                    }
                    Instant now = Timestamps.now();
                    row.claimId = null;
                    row.lastCheckedAt = now;
                    return result.succeeded()
                            ? succeeded(row, result.image(), now)
                            : failed(row, result.failure(), now);
                }));
    }

    /** A new digest, or the end of a failure (whose conditions the event clears), is published. */
    private Uni<Boolean> succeeded(ScheduledSource row, ResolvedImage image, Instant now) {
        boolean publish = !image.digest().equals(row.lastDigest) || row.failureReason != null;
        row.lastDigest = image.digest();
        row.consecutiveFailures = 0;
        row.failureReason = null;
        row.failureMessage = null;
        row.nextCheck = timing.afterSuccess(now);
        if (!publish) {
            return Uni.createFrom().item(false);
        }
        row.eventsPublished++;
        LOG.infof("%s points at %s", row.sourceKey, image.digest());
        return events.changed(
                        EventIds.ofScheduledSource(row.id, row.eventsPublished),
                        row.source(),
                        image,
                        events.origin(Origin.Kind.SCHEDULED_IMPORT),
                        null,
                        now)
                .replaceWith(true);
    }

    private Uni<Boolean> failed(ScheduledSource row, ImportFailedException failure, Instant now) {
        boolean publish = row.failureReason != failure.reason();
        row.consecutiveFailures++;
        row.failureReason = failure.reason();
        row.failureMessage = failure.getMessage();
        row.nextCheck = timing.afterFailure(now, row.consecutiveFailures, timing.pauseFor(failure));
        if (!publish) {
            return Uni.createFrom().item(false);
        }
        row.eventsPublished++;
        LOG.warnf("%s cannot be imported (%s): %s", row.sourceKey, failure.reason(), failure.getMessage());
        return events.failed(
                        EventIds.ofScheduledSource(row.id, row.eventsPublished),
                        row.source(),
                        failure,
                        events.origin(Origin.Kind.SCHEDULED_IMPORT),
                        null,
                        now)
                .replaceWith(true);
    }
}
