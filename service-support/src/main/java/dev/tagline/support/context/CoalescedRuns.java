package dev.tagline.support.context;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs one piece of background work at most once at a time, each run on a fresh context ({@link FreshContext}).
 * A request made while a run is under way starts one more run when it ends, so that every request is followed by a
 * run that began after it, however many requests came meanwhile. A failed run is logged; the next request, often
 * the service's timer, runs the work again.
 */
public final class CoalescedRuns {

    private static final Logger LOG = Logger.getLogger(CoalescedRuns.class);

    private final Vertx vertx;
    private final String activity;
    private final Supplier<Uni<?>> work;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    /** @param activity what the work does, for the log, e.g. "Relaying the outbox" */
    public CoalescedRuns(Vertx vertx, String activity, Supplier<Uni<?>> work) {
        this.vertx = vertx;
        this.activity = activity;
        this.work = work;
    }

    /** Starts a run now, or one more after the current run; safe from any thread, the run itself included. */
    public void request() {
        requested.set(true);
        startIfIdle();
    }

    private void startIfIdle() {
        if (requested.get() && running.compareAndSet(false, true)) {
            requested.set(false);
            FreshContext.run(vertx, work, this::finished);
        }
    }

    private void finished(Throwable failure) {
        if (failure != null) {
            LOG.warnf("%s failed, will retry: %s", activity, failure.toString());
        }
        running.set(false);
        startIfIdle();
    }
}
