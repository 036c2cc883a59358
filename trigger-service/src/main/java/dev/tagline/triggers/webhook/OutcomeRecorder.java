package dev.tagline.triggers.webhook;

import dev.tagline.triggers.store.DeliveryLeases;
import dev.tagline.triggers.store.DeliveryLeases.Attempted;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records the outcomes of delivery attempts in batches: those that end within a few milliseconds of each other, up
 * to {@link #MAX_BATCH}, in one statement, so that recording costs one round trip per batch instead of a transaction
 * per attempt. Nothing waits for a recording but the retry it schedules: a crash before it commits leaves the claims
 * to expire, and the deliveries are attempted again.
 */
@ApplicationScoped
public class OutcomeRecorder {

    static final int MAX_BATCH = 64;
    private static final Duration LINGER = Duration.ofMillis(5);

    private record Pending(Attempted attempted, UniEmitter<? super Optional<Instant>> done) {}

    private final DeliveryLeases leases;
    private final Vertx vertx;
    private final long lingerMillis;
    /** Only touched while holding this recorder's monitor. */
    private List<Pending> pending = new ArrayList<>();

    private long timer = -1;

    @Inject
    public OutcomeRecorder(DeliveryLeases leases, Vertx vertx) {
        this(leases, vertx, LINGER);
    }

    /** @param linger how long an outcome waits for others to share its statement */
    OutcomeRecorder(DeliveryLeases leases, Vertx vertx, Duration linger) {
        this.leases = leases;
        this.vertx = vertx;
        this.lingerMillis = linger.toMillis();
    }

    /**
     * @return once recorded, when the delivery is due again; empty when it succeeded, was parked, or was not the
     *     attempt's to record any more (claimed anew after its lease ran out, redelivered, or deleted)
     */
    public Uni<Optional<Instant>> record(Attempted attempted) {
        return Uni.createFrom().emitter(done -> add(new Pending(attempted, done)));
    }

    private synchronized void add(Pending attempt) {
        pending.add(attempt);
        if (pending.size() >= MAX_BATCH) {
            flush();
        } else if (timer == -1) {
            timer = vertx.setTimer(lingerMillis, ignored -> {
                synchronized (this) {
                    timer = -1;
                    flush();
                }
            });
        }
    }

    /** Called holding the monitor. */
    private void flush() {
        if (timer != -1) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> batch = pending;
        pending = new ArrayList<>();
        leases.record(batch.stream().map(Pending::attempted).toList())
                .subscribe()
                .with(
                        recorded -> answer(batch, recorded),
                        failure -> batch.forEach(attempt -> attempt.done().fail(failure)));
    }

    private static void answer(List<Pending> batch, Map<Long, Optional<Instant>> recorded) {
        batch.forEach(attempt -> attempt.done()
                .complete(recorded.getOrDefault(attempt.attempted().delivery().id, Optional.empty())));
    }
}
