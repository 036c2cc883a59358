package dev.tagline.benchmarks;

/** When an offered rate counts as sustained: everything answered, no failures, and no growing queue. */
final class Saturation {

    /** A p99 above this means requests queue: the server no longer keeps up with the offered rate. */
    static final double QUEUEING_P99_MILLIS = 1_000;

    private static final double KEPT_UP = 0.95;

    private Saturation() {}

    static boolean sustained(OpenLoopLoad.Result result) {
        LatencySummary latency = LatencySummary.ofMicros(result.latencyMicros());
        return result.failed() == 0
                && result.unanswered() == 0
                && result.achievedPerSecond() >= KEPT_UP * result.offeredPerSecond()
                && latency.p99() < QUEUEING_P99_MILLIS;
    }
}
