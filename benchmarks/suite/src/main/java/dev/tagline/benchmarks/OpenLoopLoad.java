package dev.tagline.benchmarks;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Offers work at a fixed rate whatever the system under test does: call {@code i} is due at
 * {@code start + i / rate}, and is started then even if earlier calls have not answered (an open loop). Each
 * latency is counted from when the call was due, not from when it was sent, so a stalled server is charged for
 * the calls it kept waiting (the correction for coordinated omission).
 */
public final class OpenLoopLoad {

    /** Starts call {@code index}, due at {@code dueNanos} ({@link System#nanoTime()}); completes with success or not. */
    @FunctionalInterface
    public interface Call {
        Future<Boolean> start(long index, long dueNanos);
    }

    /** What a run offered and what came back. Latencies are in microseconds, from each call's due time. */
    public record Result(
            int offeredPerSecond,
            Duration duration,
            long offered,
            long succeeded,
            long failed,
            long unanswered,
            Duration lastAnswerAfter,
            Histogram latencyMicros) {

        /** Successes per second, over the time from the first call's due time to the last answer. */
        public double achievedPerSecond() {
            double seconds = Math.max(duration.toNanos(), lastAnswerAfter.toNanos()) / 1e9;
            return succeeded / seconds;
        }
    }

    private OpenLoopLoad() {}

    /**
     * Runs {@code call} at {@code ratePerSecond} for {@code duration}, then waits up to {@code drain} for the
     * answers still out; calls unanswered by then count as such and add no latency.
     */
    public static Result run(int ratePerSecond, Duration duration, Duration drain, Call call) {
        long calls = Math.max(1, ratePerSecond * duration.toNanos() / TimeUnit.SECONDS.toNanos(1));
        Histogram latencies = new ConcurrentHistogram(3);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        long start = System.nanoTime();
        for (long i = 0; i < calls; i++) {
            long due = start + dueOffsetNanos(i, ratePerSecond);
            waitUntil(due);
            call.start(i, due).onComplete(outcome -> {
                long now = System.nanoTime();
                lastAnswer.accumulateAndGet(now, Math::max);
                if (outcome.succeeded() && outcome.result()) {
                    latencies.recordValue(Math.max(0, (now - due) / 1_000));
                    succeeded.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            });
        }
        long deadline = System.nanoTime() + drain.toNanos();
        while (succeeded.get() + failed.get() < calls && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        long answered = succeeded.get() + failed.get();
        Duration lastAnswerAfter = Duration.ofNanos(Math.max(0, lastAnswer.get() - start));
        return new Result(
                ratePerSecond,
                duration,
                calls,
                succeeded.get(),
                failed.get(),
                calls - answered,
                lastAnswerAfter,
                latencies.copy());
    }

    /** When call {@code index} is due, relative to the first; exact for any rate, without accumulated rounding. */
    static long dueOffsetNanos(long index, int ratePerSecond) {
        return index * TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
    }

    private static void waitUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
