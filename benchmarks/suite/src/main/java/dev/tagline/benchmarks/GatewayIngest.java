package dev.tagline.benchmarks;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Benchmark 1: Distribution webhooks into the gateway at rising offered rates, and the same load against the bare
 * endpoint (the HTTP ceiling of the same stack). Each target is warmed up first; a target's rates stop rising once
 * one is not sustained.
 */
final class GatewayIngest {

    static final String TABLE = "1. Gateway ingest";
    private static final int KEYS = 1_000;

    /** One offered rate's outcome. */
    record Step(int rate, LatencySummary latency, boolean sustained) {}

    /** What one target did at each rate, up to the first it did not sustain. */
    record Steps(List<Step> steps) {

        /** The highest offered rate sustained, 0 if none. */
        int highestSustained() {
            return highestSustainedWithin(Double.MAX_VALUE).map(Step::rate).orElse(0);
        }

        /** The highest sustained rate whose p99 stayed under {@code p99Millis}. */
        Optional<Step> highestSustainedWithin(double p99Millis) {
            return steps.stream()
                    .filter(step -> step.sustained() && step.latency().p99() < p99Millis)
                    .max(Comparator.comparingInt(Step::rate));
        }

        /** Whether even the highest rate offered was sustained: the target's ceiling lies above it. */
        boolean neverSaturated(Settings settings) {
            return highestSustained()
                    == settings.gatewayRates().get(settings.gatewayRates().size() - 1);
        }
    }

    private final Vertx vertx;
    private final Settings settings;
    private final Report.Table table;

    GatewayIngest(Vertx vertx, Settings settings, Report report) {
        this.vertx = vertx;
        this.settings = settings;
        this.table = report.table(
                TABLE,
                """
                An open-loop generator POSTs one-event Distribution notifications at each offered rate for %d s \
                (after a %d s warm-up); latency counts from when each request was due. The gateway answers 202 only \
                after Kafka (acks=all) has the event. "bare endpoint" is a Quarkus REST app on the same stack that \
                reads the body and answers 202. A rate is sustained when every request succeeded, throughput kept \
                within 5%% of the offered rate and p99 stayed under 1 s.""".formatted(
                        settings.gatewayStep().toSeconds(), settings.warmUp().toSeconds()),
                "target",
                "offered/s",
                "achieved/s",
                "p50 ms",
                "p99 ms",
                "p99.9 ms",
                "max ms",
                "failed",
                "sustained");
    }

    Steps measure(String target, String url, MultiMap headers, String registryHost) {
        try (WebhookClient client = new WebhookClient(vertx, url, headers)) {
            OpenLoopLoad.Call call = (index, due) -> client.post(DistributionWebhooks.push(
                    registryHost,
                    "bench/ingest-" + index % (KEYS / 10),
                    "t" + index % 10,
                    DistributionWebhooks.digestOf(target + System.nanoTime() + "-" + index)));
            OpenLoopLoad.run(settings.gatewayRates().get(0), settings.warmUp(), Duration.ofSeconds(30), call);
            List<Step> steps = new ArrayList<>();
            for (int rate : settings.gatewayRates()) {
                OpenLoopLoad.Result result =
                        OpenLoopLoad.run(rate, settings.gatewayStep(), Duration.ofSeconds(30), call);
                LatencySummary latency = LatencySummary.ofMicros(result.latencyMicros());
                boolean sustained = Saturation.sustained(result);
                table.row(
                        target,
                        rate,
                        result.achievedPerSecond(),
                        latency.p50(),
                        latency.p99(),
                        latency.p999(),
                        latency.max(),
                        result.failed() + result.unanswered(),
                        sustained ? "yes" : "no");
                System.out.printf(
                        "  %s at %d/s: %.0f/s, p99 %.1f ms%n", target, rate, result.achievedPerSecond(), latency.p99());
                steps.add(new Step(rate, latency, sustained));
                if (!sustained) {
                    break;
                }
            }
            return new Steps(steps);
        }
    }

    /** Kafka's own producer tool on the same broker, as a row of the same table. */
    void kafkaCeiling(KafkaProducerCeiling.Result kafka, int recordBytes) {
        table.row(
                "kafka-producer-perf-test (" + recordBytes + " B records, acks=all)",
                "unlimited",
                kafka.recordsPerSecond(),
                kafka.p50Millis(),
                kafka.p99Millis(),
                null,
                null,
                0L,
                "–");
    }

    void note(String note) {
        table.note(note);
    }
}
