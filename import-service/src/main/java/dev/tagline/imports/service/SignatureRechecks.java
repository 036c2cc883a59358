package dev.tagline.imports.service;

import dev.tagline.imports.config.ImportsConfig;
import dev.tagline.imports.domain.CheckBudget;
import dev.tagline.imports.domain.ClaimedSignatureCheck;
import dev.tagline.imports.domain.RegistryRateLimits;
import dev.tagline.imports.outbox.OutboxRelay;
import dev.tagline.imports.store.SignatureCheckRepository;
import dev.tagline.support.context.CoalescedRuns;
import dev.tagline.support.context.FreshContext;
import dev.tagline.support.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Checks again the images whose re-check is due, claimed as scheduled imports are ({@link ScheduledChecks}): one
 * transaction marks due rows with a claim id and moves their next check a lease ahead, {@code FOR UPDATE SKIP
 * LOCKED}, so that replicas never claim the same row; the registry is asked after that commit; a result is recorded
 * only while its claim still holds. Re-checks share the replica's check budget and the registries' token buckets
 * with scheduled imports, and a paused registry's rows wait.
 */
@ApplicationScoped
public class SignatureRechecks {

    private static final Logger LOG = Logger.getLogger(SignatureRechecks.class);

    private final SignatureCheckRepository checks;
    private final RegistryPauses pauses;
    private final CheckBudget budget;
    private final RegistryRateLimits rateLimits;
    private final SignatureChecker checker;
    private final SignatureCheckRecorder recorder;
    private final OutboxRelay relay;
    private final Vertx vertx;
    private final int batchSize;
    private final Duration lease;
    private final CoalescedRuns rounds;

    public SignatureRechecks(
            SignatureCheckRepository checks,
            RegistryPauses pauses,
            CheckBudget budget,
            RegistryRateLimits rateLimits,
            SignatureChecker checker,
            SignatureCheckRecorder recorder,
            OutboxRelay relay,
            Vertx vertx,
            ImportsConfig config) {
        this.checks = checks;
        this.pauses = pauses;
        this.budget = budget;
        this.rateLimits = rateLimits;
        this.checker = checker;
        this.recorder = recorder;
        this.relay = relay;
        this.vertx = vertx;
        this.batchSize = config.batchSize();
        this.lease = config.claimLease();
        this.rounds = new CoalescedRuns(vertx, "Re-checking due signatures", this::round);
    }

    @Scheduled(every = "${tagline.imports.poll-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void recheckDueSignatures() {
        rounds.request();
    }

    private Uni<Void> round() {
        return pauses.refresh().chain(() -> {
            int allowed = budget.reserve(batchSize);
            if (allowed == 0) {
                return Uni.createFrom().voidItem();
            }
            return claim(allowed)
                    .invoke(claimed -> budget.refund(allowed - claimed.size()))
                    .chain(claimed -> Multi.createFrom()
                            .iterable(claimed)
                            .onItem()
                            .transformToUni(this::recheck)
                            .merge()
                            .collect()
                            .asList()
                            .replaceWithVoid());
        });
    }

    private Uni<List<ClaimedSignatureCheck>> claim(int limit) {
        Instant now = Timestamps.now();
        return Panache.withTransaction(() -> checks.lockDue(now, limit)
                .map(rows -> rows.stream()
                        .map(row -> {
                            row.claimId = UUID.randomUUID();
                            row.nextCheck = now.plus(lease);
                            return new ClaimedSignatureCheck(row.id, row.claimId, row.requested(), row.insecure);
                        })
                        .toList()));
    }

    /** On a context of its own, since re-checks run concurrently; a failure leaves the row to its lease. */
    private Uni<Void> recheck(ClaimedSignatureCheck claimed) {
        return FreshContext.call(vertx, () -> attempt(claimed)).onFailure().recoverWithUni(failure -> {
            LOG.warnf(
                    "Re-checking the signatures of %s failed; it is checked again after its lease: %s",
                    claimed.check().image(), failure.toString());
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> attempt(ClaimedSignatureCheck claimed) {
        String registry = claimed.check().registry();
        Optional<Duration> wait = rateLimits.tryTake(registry);
        if (wait.isPresent()) {
            budget.refund(1);
            return Panache.withTransaction(() -> checks.release(
                            claimed.id(), claimed.claimId(), Timestamps.now().plus(wait.get())))
                    .replaceWithVoid();
        }
        return checker.check(claimed.check(), claimed.insecure())
                .chain(outcome -> Panache.withTransaction(() -> recorder.rechecked(claimed, outcome)))
                .invoke(published -> {
                    if (published) {
                        relay.nudge();
                    }
                })
                .replaceWithVoid();
    }
}
