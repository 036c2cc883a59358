package dev.tagline.benchmarks;

import dev.tagline.testkit.ServiceProcess;
import dev.tagline.testkit.TaglineStack.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark 5: each service's start-up (started one at a time, so each has the machine to itself), and its CPU and
 * resident memory idle and under the end-to-end load.
 */
final class Footprint {

    static final String TABLE = "5. Services: start-up, memory, CPU";
    private static final Pattern STARTED_IN = Pattern.compile("started in ([\\d.]+)s");

    /** One service's figures; load figures are absent when no load ran. */
    record ServiceFigures(
            String module,
            Duration launchToReady,
            Optional<Double> quarkusStartSeconds,
            ProcessUsage.Usage idle,
            Optional<ProcessUsage.Usage> underLoad) {}

    private final Map<Service, ServiceFigures> figures = new EnumMap<>(Service.class);
    private String load = "not measured";

    /** Start-up as measured when the stack started, and use over an idle window of {@code idle}. */
    void measureIdle(BenchStack stack, Duration idle) {
        ProcessUsage window = ProcessUsage.window(stack.pids());
        Waiting.sleep(idle);
        Map<String, ProcessUsage.Usage> usage = window.end();
        for (Service service : Service.values()) {
            ServiceProcess process = stack.process(service);
            figures.put(
                    service,
                    new ServiceFigures(
                            service.module(),
                            process.readyAfter().orElseThrow(),
                            quarkusStartSeconds(stack.stack().logFile(service)),
                            usage.get(service.module()),
                            Optional.empty()));
        }
    }

    /** @param load what ran while {@code usage} was measured */
    void underLoad(String load, Map<String, ProcessUsage.Usage> usage) {
        this.load = load;
        figures.replaceAll((service, measured) -> new ServiceFigures(
                measured.module(),
                measured.launchToReady(),
                measured.quarkusStartSeconds(),
                measured.idle(),
                Optional.ofNullable(usage.get(measured.module()))));
    }

    Map<Service, ServiceFigures> figures() {
        return figures;
    }

    /** @param jvmOptions the services' packaged {@code jvm.options} */
    void report(Report report, List<String> jvmOptions) {
        Report.Table table = report.table(
                TABLE,
                """
                Each service is a packaged JVM started as the local stack starts it (java %s -jar \
                quarkus-run.jar, the options from its jvm.options), one at a time, against running Kafka and Postgres. "launch to ready" is from \
                starting the JVM to its first UP on /q/health/ready; "Quarkus start" is what Quarkus logs as \
                "started in". CPU is a percentage of one core (this machine has %d), averaged over the window; RSS \
                is the highest sampled. Idle: a quiet window after start-up. Under load: %s.""".formatted(String.join(" ", jvmOptions), Runtime.getRuntime().availableProcessors(), load),
                "service",
                "launch to ready s",
                "Quarkus start s",
                "idle CPU %",
                "idle RSS MB",
                "load CPU %",
                "load max RSS MB");
        figures.values()
                .forEach(f -> table.row(
                        f.module(),
                        f.launchToReady().toMillis() / 1000.0,
                        f.quarkusStartSeconds().orElse(Double.NaN),
                        f.idle().cpuPercent(),
                        f.idle().maxRssMegabytes(),
                        f.underLoad().map(ProcessUsage.Usage::cpuPercent).orElse(Double.NaN),
                        f.underLoad().map(ProcessUsage.Usage::maxRssMegabytes).orElse(Double.NaN)));
    }

    private static Optional<Double> quarkusStartSeconds(Path log) {
        try {
            Matcher matcher = STARTED_IN.matcher(Files.readString(log));
            Double last = null;
            while (matcher.find()) {
                last = Double.parseDouble(matcher.group(1));
            }
            return Optional.ofNullable(last);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
