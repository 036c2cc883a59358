package dev.tagline.triggers.webhook;

import dev.tagline.support.context.CoalescedRuns;
import dev.tagline.support.time.Timestamps;
import dev.tagline.triggers.config.TriggersConfig;
import dev.tagline.triggers.domain.AttemptOutcome;
import dev.tagline.triggers.domain.ClaimedDelivery;
import dev.tagline.triggers.domain.Delivery;
import dev.tagline.triggers.domain.RetryPolicy;
import dev.tagline.triggers.store.DeliveryLeases;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Starts webhook delivery attempts. A run claims due deliveries from the database (SKIP LOCKED, with a
 * lease, so that replicas share the work and a crash mid-attempt only delays it until the lease ends), starts
 * each attempt without waiting for it, and ends. At most {@code max-in-flight-per-subscriber} attempts go to one
 * subscriber at a time, so a slow or dead one holds only its own slots and every other subscriber's deliveries go
 * on. An attempt's slot is freed as soon as its HTTP exchange ends; its outcome is then recorded with others that
 * ended about the same time ({@link OutcomeRecorder}), and until that commits the delivery's lease keeps it from
 * being claimed again. Runs start when a delivery is written, when an attempt ends, and on a timer for retries that
 * fall due.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    /** Stands for the origin of a trigger whose webhook was removed; its deliveries park at once. */
    private static final String NO_ORIGIN = "";

    private final DeliveryLeases leases;
    private final OutcomeRecorder outcomes;
    private final WebhookSender sender;
    private final RetryPolicy retries;
    private final Vertx vertx;
    private final Duration lease;
    private final int maxInFlight;
    private final int perSubscriber;
    /** Attempts in flight in this replica, by subscriber origin; only touched under {@link #inFlightLock}. */
    private final Map<String, Integer> inFlight = new HashMap<>();

    private final Object inFlightLock = new Object();
    private final CoalescedRuns claims;
    private final AtomicBoolean stopping = new AtomicBoolean();

    public DeliveryDispatcher(
            DeliveryLeases leases,
            OutcomeRecorder outcomes,
            WebhookSender sender,
            RetryPolicy retries,
            Vertx vertx,
            TriggersConfig config) {
        TriggersConfig.Delivery delivery = config.delivery();
        if (delivery.lease().compareTo(delivery.connectTimeout().plus(delivery.requestTimeout())) <= 0) {
            throw new IllegalArgumentException("tagline.triggers.delivery.lease must exceed the connect and request"
                    + " timeouts together, or a slow attempt would be claimed twice");
        }
        this.leases = leases;
        this.outcomes = outcomes;
        this.sender = sender;
        this.retries = retries;
        this.vertx = vertx;
        this.lease = delivery.lease();
        this.maxInFlight = delivery.maxInFlight();
        this.perSubscriber = delivery.maxInFlightPerSubscriber();
        this.claims = new CoalescedRuns(vertx, "Claiming due deliveries", this::claimAndStart);
    }

    /** Asks for a run; a request made while one runs starts another when it ends. */
    public void nudge() {
        if (stopping.get()) {
            return;
        }
        claims.request();
    }

    /**
     * No new claims once the service stops; attempts in flight are abandoned with it, and their leases let
     * another replica, or this one restarted, attempt them again.
     */
    void stop(@Observes ShutdownEvent event) {
        stopping.set(true);
    }

    @Scheduled(
            every = "${tagline.triggers.delivery.poll-interval}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void startDueAttempts() {
        nudge();
    }

    private Uni<Void> claimAndStart() {
        Map<String, Integer> busy;
        int free;
        synchronized (inFlightLock) {
            busy = Map.copyOf(inFlight);
            free = maxInFlight
                    - busy.values().stream().mapToInt(Integer::intValue).sum();
        }
        if (free <= 0) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Timestamps.now();
        // A claim that hangs is given up; whatever it claimed is claimed again when the lease ends.
        return leases.claimDue(now, now.plus(lease), busy, perSubscriber, free)
                .ifNoItem()
                .after(lease)
                .fail()
                .invoke(claimed -> claimed.forEach(this::attempt))
                .replaceWithVoid();
    }

    private void attempt(ClaimedDelivery delivery) {
        String origin = originOf(delivery);
        synchronized (inFlightLock) {
            inFlight.merge(origin, 1, Integer::sum);
        }
        sender.send(delivery)
                .onFailure()
                .recoverWithItem(failure -> AttemptOutcome.failed(failure.toString()))
                .subscribe()
                .with(outcome -> {
                    release(delivery);
                    record(delivery, outcome);
                });
    }

    /**
     * A failure to record (the database is away) leaves the claim to expire, and the delivery is attempted
     * again: the subscriber may see it twice, with the same {@code webhook-id}. A retry is started when it
     * falls due rather than at the next poll.
     */
    private void record(ClaimedDelivery claimed, AttemptOutcome outcome) {
        if (!outcome.succeeded()) {
            LOG.infof("Delivery %d attempt %d failed: %s", claimed.id(), claimed.attempt(), outcome.error());
        }
        Instant now = Timestamps.now();
        Delivery attempted = Delivery.attempted(claimed, outcome, retries.nextAttempt(claimed.attempt(), now), now);
        outcomes.record(new DeliveryLeases.Attempted(claimed.claimToken(), attempted))
                .ifNoItem()
                .after(lease)
                .fail()
                .subscribe()
                .with(
                        retryAt -> retryAt.ifPresent(this::nudgeAt),
                        failure -> LOG.warnf(
                                "Recording delivery %d failed; it will be attempted again: %s",
                                claimed.id(), failure.toString()));
    }

    private void nudgeAt(Instant due) {
        long delay = Math.max(1, Duration.between(Instant.now(), due).toMillis());
        vertx.setTimer(delay, ignored -> nudge());
    }

    private void release(ClaimedDelivery delivery) {
        synchronized (inFlightLock) {
            inFlight.computeIfPresent(originOf(delivery), (origin, count) -> count > 1 ? count - 1 : null);
        }
        nudge();
    }

    private static String originOf(ClaimedDelivery delivery) {
        return delivery.origin() == null ? NO_ORIGIN : delivery.origin();
    }
}
