package dev.tagline.benchmarks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Matches what arrives at the subscriber (signed webhook, Kafka action) with the webhook that caused it, by the
 * image digest unique to each: the latency of each path from the webhook's due time, and every arrival that should
 * not have come (a second one for the same digest, a bad signature, a digest never sent).
 */
final class DeliveryTracker {

    private record Sent(long dueNanos, AtomicBoolean webhook, AtomicBoolean action) {}

    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final Histogram webhookMicros = new ConcurrentHistogram(3);
    private final Histogram actionMicros = new ConcurrentHistogram(3);
    private final AtomicLong webhooks = new AtomicLong();
    private final AtomicLong actions = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();

    /**
     * A webhook about to be sent: once the gateway accepts it, its digest must arrive once on each path. Recorded
     * before sending, since a delivery may overtake the gateway's answer.
     */
    void sending(String digest, long dueNanos) {
        sent.put(digest, new Sent(dueNanos, new AtomicBoolean(), new AtomicBoolean()));
    }

    /** The gateway refused the webhook, so nothing is to arrive for it. */
    void refused(String digest) {
        sent.remove(digest);
    }

    void webhookArrived(String digest, boolean signed) {
        if (!signed) {
            badSignatures.incrementAndGet();
        }
        arrived(digest, Sent::webhook, webhookMicros, webhooks);
    }

    void actionArrived(String digest) {
        arrived(digest, Sent::action, actionMicros, actions);
    }

    private void arrived(String digest, Function<Sent, AtomicBoolean> path, Histogram histogram, AtomicLong count) {
        long now = System.nanoTime();
        Sent cause = sent.get(digest);
        if (cause == null) {
            unexpected.incrementAndGet();
        } else if (!path.apply(cause).compareAndSet(false, true)) {
            duplicates.incrementAndGet();
        } else {
            histogram.recordValue(Math.max(0, (now - cause.dueNanos) / 1_000));
            count.incrementAndGet();
        }
    }

    long expected() {
        return sent.size();
    }

    boolean allArrived() {
        return webhooks.get() >= sent.size() && actions.get() >= sent.size();
    }

    /** What one run gave; starting the next run's tracking is {@link #reset()}. */
    record Outcome(
            long expected,
            long webhooks,
            long actions,
            long duplicates,
            long badSignatures,
            long unexpected,
            LatencySummary webhookLatency,
            LatencySummary actionLatency) {

        boolean complete() {
            return webhooks == expected && actions == expected && duplicates == 0 && badSignatures == 0;
        }
    }

    Outcome outcome() {
        return new Outcome(
                sent.size(),
                webhooks.get(),
                actions.get(),
                duplicates.get(),
                badSignatures.get(),
                unexpected.get(),
                LatencySummary.ofMicros(webhookMicros),
                LatencySummary.ofMicros(actionMicros));
    }

    void reset() {
        sent.clear();
        webhookMicros.reset();
        actionMicros.reset();
        webhooks.set(0);
        actions.set(0);
        duplicates.set(0);
        badSignatures.set(0);
        unexpected.set(0);
    }
}
