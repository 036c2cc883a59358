package dev.tagline.benchmarks;

import dev.tagline.testkit.DistributionRegistry;
import dev.tagline.testkit.JdbcQueries;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Benchmark 4: many scheduled stream tags on a real Distribution registry (one without notifications, behind a
 * counting proxy). The first round checks every tag as soon as it is scheduled: how long it takes at the
 * configured rate. The second comes an interval later, when nothing changed: what each unchanged tag costs.
 */
final class ScheduledImports {

    static final String TABLE = "4. Scheduled imports";
    private static final String NAMESPACE = "bench-imports";
    private static final Duration ROUND_LIMIT = Duration.ofMinutes(8);
    /** After the last tag was asked for in a round, how long later calls of that round may still come. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final Vertx vertx;
    private final Settings settings;
    private final BenchStack stack;
    private final Report.Table table;
    private final JdbcQueries database;

    ScheduledImports(Vertx vertx, Settings settings, BenchStack stack, Report report) {
        this.vertx = vertx;
        this.settings = settings;
        this.stack = stack;
        this.database = new JdbcQueries(
                stack.postgres().jdbcUrl(),
                stack.postgres().username(),
                stack.postgres().password());
        this.table = report.table(
                TABLE,
                """
                %,d tags (%d repositories × %d) on a Distribution registry without notifications, each followed by \
                a scheduled stream tag; the import-service may make %,d checks a minute (tagline.imports.\
                max-checks-per-minute and registry-imports-per-minute) and checks each source every %d s. A proxy \
                in front of the registry counts every request. Round 1: all tags are new and due at once; "scheduled s" \
                is from the first stream created to the import-service's schedule following every tag (the \
                tag-service's tag.spec-changed events consumed). Round 2: one interval later, nothing changed.""".formatted(
                                tags(),
                                settings.importRepositories(),
                                settings.importTagsPerRepository(),
                                settings.importChecksPerMinute(),
                                settings.importInterval().toSeconds()),
                "round",
                "scheduled s",
                "tags checked",
                "seconds",
                "checks/s",
                "configured checks/s",
                "requests",
                "HEAD per tag",
                "GET per tag",
                "requests per tag");
    }

    /** @return requests per unchanged tag, by method, in the second round */
    Map<String, Double> run() {
        try (DistributionRegistry registry = DistributionRegistry.start();
                CountingProxy proxy = CountingProxy.start(vertx, registry.baseUrl())) {
            List<String> repositories = IntStream.range(0, settings.importRepositories())
                    .mapToObj(r -> NAMESPACE + "/" + repository(r))
                    .toList();
            new RegistryFiller(registry.baseUrl()).fill(repositories, settings.importTagsPerRepository());
            proxy.newRound();
            long scheduled = System.nanoTime();
            createScheduledStreams(proxy.host());
            double scheduledSeconds = awaitSchedule(scheduled);
            awaitRound(proxy, "the first round");
            CountingProxy.Round first = settle(proxy);
            row("1: new tags", scheduledSeconds, first, (first.lastNanos() - scheduled) / 1e9);
            awaitRound(proxy, "the second round");
            CountingProxy.Round second = settle(proxy);
            double seconds = (second.lastNanos() - second.firstNanos()) / 1e9;
            row("2: unchanged", Double.NaN, second, seconds);
            Map<String, Double> perTag = new TreeMap<>();
            second.byMethod().forEach((method, count) -> perTag.put(method, count / (double) tags()));
            return perTag;
        }
    }

    private int tags() {
        return settings.importRepositories() * settings.importTagsPerRepository();
    }

    private void createScheduledStreams(String registryHost) {
        for (int r = 0; r < settings.importRepositories(); r++) {
            ImageStreams.create(
                    stack, NAMESPACE, repository(r), registryHost, settings.importTagsPerRepository(), true);
        }
    }

    private static String repository(int index) {
        return "r%03d".formatted(index);
    }

    /**
     * Waits until the import-service follows every tag, which it does as it consumes their {@code tag.spec-changed}
     * events, and so before their checks are all done.
     *
     * @return seconds from {@code since} (nanos) to the last tag followed, to the poll's 50 ms
     */
    private double awaitSchedule(long since) {
        String followed = "select count(*) from imports.followers where namespace = ?";
        if (!Waiting.until(() -> database.count(followed, NAMESPACE) >= tags(), ROUND_LIMIT)) {
            throw new IllegalStateException("The import-service followed only " + database.count(followed, NAMESPACE)
                    + " of " + tags() + " tags within " + ROUND_LIMIT);
        }
        return (System.nanoTime() - since) / 1e9;
    }

    /** Waits until every tag's manifest has been asked for in the current round. */
    private void awaitRound(CountingProxy proxy, String round) {
        if (!Waiting.until(() -> proxy.current().manifestsAsked() >= tags(), ROUND_LIMIT)) {
            throw new IllegalStateException(round + " checked only "
                    + proxy.current().manifestsAsked() + " of " + tags() + " tags within " + ROUND_LIMIT);
        }
    }

    /**
     * Lets the calls of checks already started finish (a changed tag's GET follows its HEAD within milliseconds),
     * then starts counting the next round; the next checks are an interval away.
     */
    private static CountingProxy.Round settle(CountingProxy proxy) {
        Waiting.sleep(SETTLE);
        return proxy.newRound();
    }

    private void row(String round, double scheduledSeconds, CountingProxy.Round counted, double seconds) {
        int tags = tags();
        table.row(
                round,
                scheduledSeconds,
                counted.manifestsAsked(),
                seconds,
                counted.manifestsAsked() / seconds,
                settings.importChecksPerMinute() / 60.0,
                counted.requests(),
                counted.byMethod().getOrDefault("HEAD", 0L) / (double) tags,
                counted.byMethod().getOrDefault("GET", 0L) / (double) tags,
                counted.requests() / (double) tags);
    }
}
