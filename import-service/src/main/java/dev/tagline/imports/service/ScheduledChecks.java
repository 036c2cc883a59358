package dev.tagline.imports.service;

import dev.tagline.imports.config.ImportsConfig;
import dev.tagline.imports.domain.CheckBudget;
import dev.tagline.imports.domain.ClaimedCheck;
import dev.tagline.imports.domain.RegistryRateLimits;
import dev.tagline.imports.outbox.OutboxRelay;
import dev.tagline.imports.store.ScheduledSourceRepository;
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
 * Checks the due scheduled sources. A claim marks due rows with a claim id and moves their next check a lease
 * ahead, in one transaction using {@code FOR UPDATE SKIP LOCKED}, so that replicas sharing the database never
 * claim the same row; the registry calls happen after that commit, outside any transaction; each result is
 * recorded only if its claim still holds. A replica that dies mid-check leaves its rows to be claimed again
 * when the lease ends.
 *
 * <p>Politeness: at most {@code max-checks-per-minute} checks per replica, each registry's token bucket, and
 * no check of a paused registry; a row that must wait is given back, due when it may go, without counting as
 * a failure.
 */
@ApplicationScoped
public class ScheduledChecks {

    private static final Logger LOG = Logger.getLogger(ScheduledChecks.class);

    private final ScheduledSourceRepository sources;
    private final RegistryPauses pauses;
    private final CheckBudget budget;
    private final RegistryRateLimits rateLimits;
    private final Importer importer;
    private final CheckRecorder recorder;
    private final OutboxRelay relay;
    private final Vertx vertx;
    private final int batchSize;
    private final Duration lease;
    private final CoalescedRuns rounds;

    public ScheduledChecks(
            ScheduledSourceRepository sources,
            RegistryPauses pauses,
            CheckBudget budget,
            RegistryRateLimits rateLimits,
            Importer importer,
            CheckRecorder recorder,
            OutboxRelay relay,
            Vertx vertx,
            ImportsConfig config) {
        this.sources = sources;
        this.pauses = pauses;
        this.budget = budget;
        this.rateLimits = rateLimits;
        this.importer = importer;
        this.recorder = recorder;
        this.relay = relay;
        this.vertx = vertx;
        this.batchSize = config.batchSize();
        this.lease = config.claimLease();
        this.rounds = new CoalescedRuns(vertx, "Checking due sources", this::round);
    }

    @Scheduled(every = "${tagline.imports.poll-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void checkDueSources() {
        nudge();
    }

    /**
     * Asks for a round now, as when a source was newly scheduled; one round runs at a time, and a request made
     * while one runs starts another when it ends.
     */
    public void nudge() {
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
                    // All at once, so that a round lasts about one check, far less than the lease; the registry
                    // buckets bound each registry's share.
                    .chain(claimed -> Multi.createFrom()
                            .iterable(claimed)
                            .onItem()
                            .transformToUni(this::check)
                            .merge()
                            .collect()
                            .asList()
                            // A full batch, every row of it checked, may have left more due: the next round starts
                            // at once rather than at the next poll, so that the budget, not the batch size, bounds
                            // the rate. A row given back (a paused registry, an empty bucket) waits for the poll.
                            .invoke(checked -> {
                                if (claimed.size() == allowed && !checked.contains(false)) {
                                    rounds.request();
                                }
                            })
                            .replaceWithVoid());
        });
    }

    private Uni<List<ClaimedCheck>> claim(int limit) {
        Instant now = Timestamps.now();
        return Panache.withTransaction(() -> sources.lockDue(now, limit)
                .map(rows -> rows.stream()
                        .map(row -> {
                            row.claimId = UUID.randomUUID();
                            row.nextCheck = now.plus(lease);
                            return new ClaimedCheck(row.id, row.claimId, row.source(), row.insecure);
                        })
                        .toList()));
    }

    /**
     * On a context of its own, since checks run concurrently. Failures other than the registry's (the database, a
     * bug) leave the row claimed until its lease ends.
     *
     * @return whether the registry was asked; false when the row was given back
     */
    private Uni<Boolean> check(ClaimedCheck check) {
        return FreshContext.call(vertx, () -> attempt(check)).onFailure().recoverWithUni(failure -> {
            LOG.warnf(
                    "Checking %s failed; it is checked again after its lease: %s", check.source(), failure.toString());
            return Uni.createFrom().item(true);
        });
    }

    private Uni<Boolean> attempt(ClaimedCheck check) {
        String registry = check.source().registry();
        Optional<Instant> paused = pauses.pausedUntil(registry, Instant.now());
        if (paused.isPresent()) {
            return giveBack(check, paused.get());
        }
        Optional<Duration> wait = rateLimits.tryTake(registry);
        if (wait.isPresent()) {
            return giveBack(check, Timestamps.now().plus(wait.get()));
        }
        return importer.resolve(check.source(), check.insecure())
                .chain(result -> recorder.record(check, result))
                .invoke(published -> {
                    if (published) {
                        relay.nudge();
                    }
                })
                .replaceWith(true);
    }

    private Uni<Boolean> giveBack(ClaimedCheck check, Instant dueAgain) {
        budget.refund(1);
        return Panache.withTransaction(() -> sources.release(check.sourceId(), check.claimId(), dueAgain))
                .replaceWith(false);
    }
}
