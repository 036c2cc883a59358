package dev.tagline.benchmarks;

import dev.tagline.testkit.StandardWebhooks;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Benchmark 2: webhooks into the gateway at a fixed rate for a minute, each a new digest for one of
 * {@code streams × tags} stream tags, each followed by one deploy trigger with a signed webhook; latency from each
 * webhook's due time to its signed delivery at a receiver and to its action polled from {@code trigger-actions}.
 */
final class EndToEnd {

    static final String TABLE = "2. End to end: webhook to deploy";
    static final String NAMESPACE = "bench";
    private static final Duration DRAIN = Duration.ofSeconds(60);
    /** After a run that left a backlog, how long the next run may wait for it to clear. */
    private static final Duration BACKLOG_LIMIT = Duration.ofMinutes(4);

    private static final int SEARCH_STEPS = 2;
    /**
     * Receivers the triggers' webhooks go to, each stream's to one: the trigger-service bounds the attempts in
     * flight to any one receiver, as it should, so a single receiver for all would measure that bound.
     */
    private static final int SUBSCRIBERS = 10;

    /** One run: the rate, what arrived and how fast, and what each service used meanwhile. */
    record Run(int rate, DeliveryTracker.Outcome outcome, Map<String, ProcessUsage.Usage> usage) {

        boolean underOneSecond() {
            return outcome.complete()
                    && outcome.webhookLatency().p99() < Saturation.QUEUEING_P99_MILLIS
                    && outcome.actionLatency().p99() < Saturation.QUEUEING_P99_MILLIS;
        }
    }

    private final Vertx vertx;
    private final Settings settings;
    private final BenchStack stack;
    private final Report.Table table;
    private final DeliveryTracker tracker = new DeliveryTracker();
    private final Map<Integer, Run> runs = new LinkedHashMap<>();
    private final String secret = StandardWebhooks.newSecret();

    EndToEnd(Vertx vertx, Settings settings, BenchStack stack, Report report) {
        this.vertx = vertx;
        this.settings = settings;
        this.stack = stack;
        this.table = report.table(
                TABLE,
                """
                %d image streams × %d tags, each tag followed by a deploy trigger with a signed webhook (to one of \
                %d receivers, by stream). At each \
                offered rate, Distribution webhooks arrive at the gateway for %d s, each a new digest for the next \
                tag in turn. Latency runs from each webhook's due time to (a) its signed delivery at a receiver \
                that checks every signature and (b) its action on trigger-actions, polled by a consumer; every \
                arrival is matched to its webhook, so a duplicate or a loss would show. Runs stop rising at the \
                first rate whose p99 reaches 1 s or that leaves anything undelivered %d s after the last webhook.""".formatted(
                                settings.streams(),
                                settings.tagsPerStream(),
                                SUBSCRIBERS,
                                settings.endToEndRun().toSeconds(),
                                DRAIN.toSeconds()),
                "offered/s",
                "webhooks",
                "delivery p50 ms",
                "delivery p99 ms",
                "delivery p99.9 ms",
                "action p50 ms",
                "action p99 ms",
                "action p99.9 ms",
                "delivered",
                "duplicates",
                "p99 < 1 s");
    }

    void run() {
        createStreams();
        try (SignedWebhookSink sink = SignedWebhookSink.start(vertx, SUBSCRIBERS, secret, tracker::webhookArrived);
                ActionWatcher watcher = new ActionWatcher(
                        stack.kafka().bootstrapServers(), action -> tracker.actionArrived(action.digest()));
                WebhookClient gateway = stack.gatewayClient(vertx)) {
            createTriggers(sink);
            // The first moves after start-up pay for JIT compilation and connection pools: not measured.
            awaitBacklog();
            measure(gateway, settings.endToEndRates().get(0), settings.warmUp());
            Integer failedAt = null;
            for (int rate : settings.endToEndRates()) {
                if (failedAt != null) {
                    table.note("Not run at " + rate + "/s: " + failedAt + "/s already did not keep up.");
                    continue;
                }
                if (!measureAndRecord(gateway, rate).underOneSecond()) {
                    failedAt = rate;
                }
            }
            if (!settings.quick()) {
                searchHighestRate(gateway, failedAt);
            }
            // The next benchmark measures the same services: not while they still work off this one's backlog.
            awaitBacklog();
        }
    }

    Map<Integer, Run> runs() {
        return runs;
    }

    /** The highest rate run whose p99 stayed under 1 s. */
    Optional<Run> highestUnderOneSecond() {
        return runs.values().stream().filter(Run::underOneSecond).max(Comparator.comparingInt(Run::rate));
    }

    /**
     * Between the highest rate that kept p99 under 1 s and the lowest that did not (or beyond the highest rate run,
     * if all did), by halving the interval twice.
     */
    private void searchHighestRate(WebhookClient gateway, Integer failedAt) {
        int below = highestUnderOneSecond().map(Run::rate).orElse(0);
        Integer above = failedAt;
        for (int step = 0; step < SEARCH_STEPS; step++) {
            int rate = above == null ? below * 3 / 2 : rounded((below + above) / 2);
            if (rate <= below || (above != null && rate >= above)) {
                return;
            }
            if (measureAndRecord(gateway, rate).underOneSecond()) {
                below = rate;
            } else {
                above = rate;
            }
        }
    }

    /** To 10 events/s below 500, to 50 above: finer than the runs' own noise would be pointless. */
    private static int rounded(int rate) {
        int step = rate < 500 ? 10 : 50;
        return Math.max(step, Math.round(rate / (float) step) * step);
    }

    private void createStreams() {
        for (int s = 0; s < settings.streams(); s++) {
            ImageStreams.create(stack, NAMESPACE, stream(s), stack.registryHost(), settings.tagsPerStream(), false);
        }
    }

    private void createTriggers(SignedWebhookSink sink) {
        for (int s = 0; s < settings.streams(); s++) {
            for (int t = 0; t < settings.tagsPerStream(); t++) {
                DeployTriggers.Webhook webhook =
                        new DeployTriggers.Webhook(sink.url(s, "/hooks/" + DeployTriggers.name(stream(s), t)), secret);
                DeployTriggers.create(stack, NAMESPACE, stream(s), t, Optional.of(webhook));
            }
        }
    }

    private static String stream(int index) {
        return "s%03d".formatted(index);
    }

    private Run measureAndRecord(WebhookClient gateway, int rate) {
        awaitBacklog();
        ProcessUsage usage = ProcessUsage.window(stack.pids());
        DeliveryTracker.Outcome outcome = measure(gateway, rate, settings.endToEndRun());
        Run run = new Run(rate, outcome, usage.end());
        runs.put(rate, run);
        table.row(
                rate,
                outcome.expected(),
                outcome.webhookLatency().p50(),
                outcome.webhookLatency().p99(),
                outcome.webhookLatency().p999(),
                outcome.actionLatency().p50(),
                outcome.actionLatency().p99(),
                outcome.actionLatency().p999(),
                outcome.webhooks() + " / " + outcome.actions(),
                outcome.duplicates(),
                run.underOneSecond() ? "yes" : "no");
        if (outcome.badSignatures() > 0 || outcome.unexpected() > 0) {
            table.note("At " + rate + "/s: " + outcome.badSignatures() + " deliveries with a wrong signature, "
                    + outcome.unexpected() + " arrivals matching no webhook of the run.");
        }
        System.out.printf(
                "  end to end at %d/s: delivery p99 %.0f ms, action p99 %.0f ms, %d/%d/%d delivered%n",
                rate,
                outcome.webhookLatency().p99(),
                outcome.actionLatency().p99(),
                outcome.webhooks(),
                outcome.actions(),
                outcome.expected());
        return run;
    }

    private DeliveryTracker.Outcome measure(WebhookClient gateway, int rate, Duration duration) {
        tracker.reset();
        int tags = settings.streams() * settings.tagsPerStream();
        String runId = rate + "-" + System.nanoTime();
        OpenLoopLoad.run(rate, duration, DRAIN, (index, due) -> {
            int key = (int) (index % tags);
            String digest = DistributionWebhooks.digestOf(runId + "-" + index);
            tracker.sending(digest, due);
            return gateway.post(DistributionWebhooks.push(
                            stack.registryHost(),
                            NAMESPACE + "/" + stream(key / settings.tagsPerStream()),
                            "t" + key % settings.tagsPerStream(),
                            digest))
                    .onComplete(accepted -> {
                        if (accepted.failed() || !accepted.result()) {
                            tracker.refused(digest);
                        }
                    });
        });
        Waiting.until(tracker::allArrived, DRAIN);
        return tracker.outcome();
    }

    /** What a run left undelivered may still arrive; the next run starts once it has, or after a limit. */
    private void awaitBacklog() {
        Waiting.until(tracker::allArrived, BACKLOG_LIMIT);
    }
}
