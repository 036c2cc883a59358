package dev.tagline.benchmarks;

import static dev.tagline.testkit.FreePorts.freePort;

import dev.tagline.events.Topics;
import dev.tagline.testkit.Directories;
import dev.tagline.testkit.KafkaCluster;
import dev.tagline.testkit.PostgresServer;
import dev.tagline.testkit.ServiceProcess;
import dev.tagline.testkit.TaglineStack;
import dev.tagline.testkit.TaglineStack.Service;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs the benchmarks on this machine, everything co-located: Kafka and Postgres as the tests run them, the packaged
 * services as processes, and the load from this JVM. Writes {@code target/benchmarks/results.md} and
 * {@code results.json} under the repository root. Run with {@code ./mvnw -q -pl benchmarks/suite exec:exec} after
 * {@code ./mvnw -q install -DskipTests}; see {@link Settings} for the options.
 */
public final class BenchmarkSuite {

    private final Settings settings;
    private final Path root;
    private final Path output;
    private final Report report = new Report();
    private final Vertx vertx = Vertx.vertx();
    private final KafkaCluster kafka = KafkaCluster.shared();
    private final PostgresServer postgres = PostgresServer.shared();

    private BenchmarkSuite(Settings settings, Path root) {
        this.settings = settings;
        this.root = root;
        this.output = root.resolve("target/benchmarks");
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("tagline.root", ".."))
                .toAbsolutePath()
                .normalize();
        BenchmarkSuite suite = new BenchmarkSuite(Settings.fromSystemProperties(), root);
        boolean complete;
        try {
            complete = suite.run();
        } finally {
            suite.vertx.close();
        }
        // Kafka's and Postgres' own threads would keep the JVM alive.
        System.exit(complete ? 0 : 1);
    }

    /** @return whether every benchmark finished */
    private boolean run() {
        Directories.deleteRecursively(output.resolve("state"));
        describeMachine();
        if (settings.runs("gateway")) {
            attempt("gateway", this::gateway);
        }
        if (Stream.of("e2e", "history", "imports", "footprint").anyMatch(settings::runs)) {
            attempt("stack", this::wholeStack);
        }
        if (settings.runs("drain")) {
            attempt("drain", this::drain);
        }
        report.write(output);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Written to " + output.resolve("results.md") + " and " + output.resolve("results.json"));
        return report.complete();
    }

    private void describeMachine() {
        report.machine("run", Instant.now() + (settings.quick() ? " (quick: a smoke run, not a measurement)" : ""));
        report.machine(
                "machine",
                Runtime.getRuntime().availableProcessors() + " cores, " + memoryGigabytes()
                        + " GiB; Kafka, Postgres, registry, services and load generator all on it");
        report.machine("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.machine(
                "Kafka",
                kafka.bootstrapServers() + ", Postgres " + postgres.jdbcUrl().replaceAll("\\?.*", ""));
    }

    private static String memoryGigabytes() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> String.valueOf(Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1048576.0)))
                    .findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** Benchmark 1, with only the gateway running, then moves the tag-service past what it published. */
    private void gateway() {
        System.out.println("1. Gateway ingest");
        GatewayIngest ingest = new GatewayIngest(vertx, settings, report);
        GatewayIngest.Steps gatewaySteps;
        GatewayIngest.Steps bareSteps;
        TaglineStack.Options options = TaglineStack.Options.forTests(root, output.resolve("state/gateway"))
                .only(Service.WEBHOOK_GATEWAY);
        try (BenchStack stack = BenchStack.start(profiled(options), kafka, postgres);
                ServiceProcess bare = startBareEndpoint()) {
            String registryHost = stack.registryHost();
            gatewaySteps = ingest.measure(
                    "gateway",
                    stack.stack().url(Service.WEBHOOK_GATEWAY) + "/webhooks/" + TaglineStack.REGISTRY_SOURCE,
                    DistributionWebhooks.headers(stack.stack().registryNotificationToken()),
                    registryHost);
            bareSteps = ingest.measure(
                    "bare endpoint",
                    bare.baseUrl() + "/webhooks/" + TaglineStack.REGISTRY_SOURCE,
                    DistributionWebhooks.headers("unchecked"),
                    registryHost);
        } finally {
            // Whatever happened, the tag-service must not start behind everything the gateway published here.
            TopicOffsets.skipTo(kafka.bootstrapServers(), "tag-service", Topics.REGISTRY_TAG_EVENTS);
        }
        int recordBytes = LastRecord.bytesIn(kafka.bootstrapServers(), Topics.REGISTRY_TAG_EVENTS);
        kafka.createTopic("bench-producer-ceiling", 3);
        KafkaProducerCeiling.Result kafkaCeiling = KafkaProducerCeiling.run(
                kafka.bootstrapServers(),
                "bench-producer-ceiling",
                settings.quick() ? 20_000 : 500_000,
                recordBytes,
                output);
        ingest.kafkaCeiling(kafkaCeiling, recordBytes);
        int gatewayRate = gatewaySteps.highestSustained();
        int bareRate = bareSteps.highestSustained();
        String bareBound = bareSteps.neverSaturated(settings) ? "at least " : "";
        double ofBare = ratio(gatewayRate, bareRate);
        double ofKafka = ratio(gatewayRate, kafkaCeiling.recordsPerSecond());
        ingest.note(String.format(
                Locale.ROOT,
                "Highest sustained: gateway %,d/s, bare endpoint %s%,d/s, Kafka %,.0f records/s. Gateway = %s%.0f%% of "
                        + "the bare endpoint and %.0f%% of Kafka's producer ceiling.",
                gatewayRate,
                bareBound,
                bareRate,
                kafkaCeiling.recordsPerSecond(),
                bareBound.isEmpty() ? "" : "at most ",
                100 * ofBare,
                100 * ofKafka));
        Optional<GatewayIngest.Step> fast = gatewaySteps.highestSustainedWithin(50);
        report.target(
                "gateway throughput",
                "≥ 5,000 webhooks/s with p99 < 50 ms",
                fast.map(step -> String.format(
                                Locale.ROOT,
                                "%,d/s with p99 %s ms",
                                step.rate(),
                                Report.cell(step.latency().p99())))
                        .orElse("no rate with p99 < 50 ms"),
                fast.isPresent() && fast.get().rate() >= 5_000);
        report.target(
                "gateway vs bare endpoint",
                "≥ 50%",
                String.format(
                        Locale.ROOT,
                        "%s%.0f%% (%,d of %s%,d/s)",
                        bareBound.isEmpty() ? "" : "at most ",
                        100 * ofBare,
                        gatewayRate,
                        bareBound,
                        bareRate),
                ofBare >= 0.5);
    }

    private ServiceProcess startBareEndpoint() {
        ServiceProcess bare = ServiceProcess.start(
                root.resolve("benchmarks/bare-endpoint"),
                freePort(),
                Map.of(),
                output.resolve("state/bare-endpoint.log"));
        try {
            bare.awaitReady(Duration.ofMinutes(1));
            return bare;
        } catch (RuntimeException e) {
            bare.close();
            throw e;
        }
    }

    /** Benchmarks 2 to 5 on one stack of the four services, started one at a time. */
    private void wholeStack() {
        Map<String, String> imports = new HashMap<>();
        imports.put("TAGLINE_IMPORTS_MAX_CHECKS_PER_MINUTE", String.valueOf(settings.importChecksPerMinute()));
        imports.put("TAGLINE_IMPORTS_REGISTRY_IMPORTS_PER_MINUTE", String.valueOf(settings.importChecksPerMinute()));
        imports.put("TAGLINE_IMPORTS_REGISTRY_BURST", "100");
        imports.put("TAGLINE_IMPORTS_MIN_INTERVAL", "1s");
        imports.put("TAGLINE_IMPORTS_POLL_INTERVAL", "1s");
        TaglineStack.Options options = TaglineStack.Options.forTests(root, output.resolve("state/stack"))
                .oneAtATime()
                .importInterval(settings.importInterval())
                .environment(Service.IMPORT_SERVICE, imports);
        System.out.println("Starting the four services, one at a time");
        try (BenchStack stack = BenchStack.start(profiled(options), kafka, postgres)) {
            Footprint footprint = new Footprint();
            footprint.measureIdle(stack, settings.idleSample());
            if (settings.runs("e2e")) {
                attempt("e2e", () -> endToEnd(stack, footprint));
            }
            if (settings.runs("history")) {
                attempt("history", () -> history(stack));
            }
            if (settings.runs("imports")) {
                attempt("imports", () -> imports(stack));
            }
            if (settings.runs("footprint")) {
                footprint.report(report, ServiceProcess.jvmOptionsOf(root.resolve(Service.TAG_SERVICE.module())));
                footprintTargets(footprint);
            }
        }
    }

    private void endToEnd(BenchStack stack, Footprint footprint) {
        System.out.println("2. End to end");
        EndToEnd endToEnd = new EndToEnd(vertx, settings, stack, report);
        endToEnd.run();
        Optional.ofNullable(endToEnd.runs().get(1_000))
                .or(() -> endToEnd.runs().values().stream().max(Comparator.comparingInt(EndToEnd.Run::rate)))
                .ifPresent(
                        run -> footprint.underLoad("the end-to-end run at " + run.rate() + " events/s", run.usage()));
        endToEndTargets(endToEnd);
    }

    private void history(BenchStack stack) {
        System.out.println("3. tag-service history rows");
        new HistoryThroughput(settings, stack, report)
                .run(output)
                .ifPresent(result -> report.target(
                        "tag-service vs pgbench",
                        "≥ 50% of the pgbench ceiling",
                        String.format(
                                Locale.ROOT,
                                "%,.0f of %,.0f rows/s: %.0f%%",
                                result.tagServicePerSecond(),
                                result.ceilingPerSecond(),
                                100 * result.tagServicePerSecond() / result.ceilingPerSecond()),
                        result.tagServicePerSecond() >= 0.5 * result.ceilingPerSecond()));
    }

    private void imports(BenchStack stack) {
        System.out.println("4. Scheduled imports");
        Map<String, Double> unchangedPerTag = new ScheduledImports(vertx, settings, stack, report).run();
        double heads = unchangedPerTag.getOrDefault("HEAD", 0.0);
        double all = unchangedPerTag.values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        report.target(
                "unchanged scheduled tag",
                "exactly one HEAD each",
                String.format(Locale.ROOT, "%.3f HEAD and %.3f requests in all per tag", heads, all),
                heads == 1.0 && all == 1.0);
    }

    /**
     * Benchmark 6, on a stack of its own: the services a tag move passes through on its way to an action, and the
     * import-service, which reads the same tag events in production; no gateway, since the moves go straight onto
     * the topic.
     */
    private void drain() {
        System.out.println("6. Drained throughput to actions");
        TaglineStack.Options options = TaglineStack.Options.forTests(root, output.resolve("state/drain"))
                .only(Service.TAG_SERVICE, Service.IMPORT_SERVICE, Service.TRIGGER_SERVICE);
        try (BenchStack stack = BenchStack.start(profiled(options), kafka, postgres)) {
            DrainedThroughput.Result result = new DrainedThroughput(settings, stack, report).run();
            ActionTally.Outcome outcome = result.outcome();
            String shortfall = outcome.complete()
                    ? ""
                    : String.format(Locale.ROOT, " (%,d lost, %,d fired twice)", outcome.lost(), outcome.refired());
            report.target(
                    "drained throughput to actions",
                    "≥ 2,000 events/s",
                    String.format(
                            Locale.ROOT,
                            "%,.0f actions/s (%,d moves in %.1f s)%s",
                            result.actionsPerSecond(),
                            outcome.expected(),
                            result.seconds(),
                            shortfall),
                    outcome.complete() && result.actionsPerSecond() >= 2_000);
        }
    }

    /** Runs one benchmark; if it cannot finish, the report says why and the others still run. */
    private void attempt(String benchmark, Runnable run) {
        try {
            run.run();
        } catch (RuntimeException e) {
            System.out.println("  " + benchmark + " did not finish: " + e);
            report.failed(benchmark, e);
        }
    }

    private void endToEndTargets(EndToEnd endToEnd) {
        EndToEnd.Run at1000 = endToEnd.runs().get(1_000);
        report.target(
                "end to end at 1,000 events/s",
                "p99 < 250 ms",
                at1000 == null
                        ? "not run"
                        : String.format(
                                Locale.ROOT,
                                "delivery p99 %s ms, action p99 %s ms%s",
                                Report.cell(at1000.outcome().webhookLatency().p99()),
                                Report.cell(at1000.outcome().actionLatency().p99()),
                                at1000.outcome().complete() ? "" : " (not all delivered)"),
                at1000 != null
                        && at1000.outcome().complete()
                        && at1000.outcome().webhookLatency().p99() < 250
                        && at1000.outcome().actionLatency().p99() < 250);
        report.target(
                "end to end, highest rate with p99 < 1 s",
                "(reported)",
                endToEnd.highestUnderOneSecond()
                        .map(run -> String.format(Locale.ROOT, "%,d events/s", run.rate()))
                        .orElse("none of the rates run"),
                true);
    }

    private void footprintTargets(Footprint footprint) {
        footprint.figures().values().forEach(figures -> {
            report.target(
                    figures.module() + " start-up",
                    "< 1.5 s on the JVM",
                    String.format(
                            Locale.ROOT,
                            "%.2f s to ready (Quarkus: %s s)",
                            figures.launchToReady().toMillis() / 1000.0,
                            figures.quarkusStartSeconds().map(Report::cell).orElse("–")),
                    figures.launchToReady().toMillis() < 1_500);
            figures.underLoad()
                    .ifPresent(load -> report.target(
                            figures.module() + " memory",
                            "< 300 MB RSS under load",
                            String.format(Locale.ROOT, "%.0f MB", load.maxRssMegabytes()),
                            load.maxRssMegabytes() < 300));
        });
    }

    /** With {@code -Dbench.profile=true}, each service records a JFR profile into the benchmark's state. */
    private TaglineStack.Options profiled(TaglineStack.Options options) {
        if (settings.profile()) {
            for (Service service : Service.values()) {
                Path recording = options.stateDirectory().resolve(service.module() + ".jfr");
                options.environment(
                        service,
                        Map.of(
                                "JAVA_TOOL_OPTIONS",
                                "-XX:StartFlightRecording=settings=profile,filename=" + recording
                                        + ",dumponexit=true"));
            }
        }
        return options;
    }

    private static double ratio(double part, double whole) {
        return whole == 0 ? 0 : part / whole;
    }
}
