package dev.tagline.gateway.messaging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Remembers that Kafka just failed to take events. Meanwhile, requests are refused at once instead of each waiting
 * out the producer's timeouts (which would also queue them behind one another), except for one request per probe
 * interval, which tries for real; the first acknowledgement ends the outage.
 */
final class BrokerAvailability {

    private static final Logger LOG = Logger.getLogger(BrokerAvailability.class);

    private final long probeIntervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong lastAttempt = new AtomicLong();

    BrokerAvailability(Duration probeInterval, LongSupplier nanoTime) {
        this.probeIntervalNanos = probeInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether a request may try the broker: always while it is up, one per probe interval while it is down. */
    boolean mayTry() {
        if (!down.get()) {
            return true;
        }
        long now = nanoTime.getAsLong();
        long last = lastAttempt.get();
        return now - last >= probeIntervalNanos && lastAttempt.compareAndSet(last, now);
    }

    void acknowledged() {
        if (down.compareAndSet(true, false)) {
            LOG.info("Kafka acknowledges events again; webhooks are accepted");
        }
    }

    void failed(Exception failure) {
        lastAttempt.set(nanoTime.getAsLong());
        if (down.compareAndSet(false, true)) {
            LOG.warnf("Kafka did not acknowledge events (%s); webhooks are answered 503 until it does", failure);
        }
    }
}
