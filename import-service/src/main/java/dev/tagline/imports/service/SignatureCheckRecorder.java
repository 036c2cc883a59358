package dev.tagline.imports.service;

import dev.tagline.imports.domain.ClaimedSignatureCheck;
import dev.tagline.imports.domain.EventIds;
import dev.tagline.imports.domain.RecheckSchedule;
import dev.tagline.imports.domain.RequestedCheck;
import dev.tagline.imports.domain.SignatureCheck;
import dev.tagline.imports.signing.SignatureCheckOutcome;
import dev.tagline.imports.store.SignatureCheckRepository;
import dev.tagline.support.time.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Records what a signature check found and when the image is checked next, in the caller's transaction, with the
 * verdict it publishes: a {@code registry.signature.checked} for every request, since the requester waits on it (a
 * second tag reaching an image already refused for a first learns why only from the answer), and for a re-check only
 * when the verdict, or the keys it is for, differ from the last one published for the image. A request starts the
 * re-check schedule over and supersedes a re-check in flight; a re-check whose claim was superseded records nothing.
 */
@ApplicationScoped
public class SignatureCheckRecorder {

    private static final Logger LOG = Logger.getLogger(SignatureCheckRecorder.class);

    private final SignatureCheckRepository checks;
    private final RecheckSchedule schedule;
    private final ImportEvents events;

    public SignatureCheckRecorder(SignatureCheckRepository checks, RecheckSchedule schedule, ImportEvents events) {
        this.checks = checks;
        this.schedule = schedule;
        this.events = events;
    }

    /** @return whether a verdict was written */
    public Uni<Boolean> requested(RequestedCheck check, boolean insecure, SignatureCheckOutcome outcome) {
        Instant now = Timestamps.now();
        return checks.lockedCreatingIfNew(
                        check.registry(),
                        check.repository(),
                        check.digest().toString(),
                        check.keysJson(),
                        insecure,
                        now)
                .chain(row -> {
                    row.trustedKeys = check.keysJson();
                    row.insecure = insecure;
                    row.claimId = null;
                    row.checksSinceRequest = 1;
                    return recorded(row, check, outcome, now, true);
                });
    }

    /** @return whether a verdict was written */
    public Uni<Boolean> rechecked(ClaimedSignatureCheck claimed, SignatureCheckOutcome outcome) {
        return checks.lockedForClaim(claimed.id(), claimed.claimId()).chain(row -> {
            if (row == null) {
                return Uni.createFrom().item(false);
            }
            row.claimId = null;
            row.checksSinceRequest++;
            return recorded(row, claimed.check(), outcome, Timestamps.now(), false);
        });
    }

    private Uni<Boolean> recorded(
            SignatureCheck row,
            RequestedCheck check,
            SignatureCheckOutcome outcome,
            Instant now,
            boolean answersRequest) {
        row.lastCheckedAt = now;
        row.nextCheck =
                schedule.next(now, row.checksSinceRequest, outcome.verdict()).orElse(null);
        boolean changed =
                row.publishedVerdict != outcome.verdict() || !check.keySet().equals(row.publishedKeys);
        if (!answersRequest && !changed) {
            return Uni.createFrom().item(false);
        }
        row.publishedVerdict = outcome.verdict();
        row.publishedKeys = check.keySet();
        row.eventsPublished++;
        LOG.infof("%s: %s (%s)", check.image(), outcome.verdict(), outcome.message());
        return events.signatureChecked(EventIds.ofSignatureCheck(row.id, row.eventsPublished), check, outcome, now)
                .replaceWith(true);
    }
}
