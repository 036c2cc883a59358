package dev.tagline.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How long and how hard each benchmark runs. {@code -Dbench=gateway,e2e,history,imports,footprint,drain} (or
 * {@code all}) chooses benchmarks; {@code -Dbench.quick=true} runs each for seconds, to check that the suite works,
 * not to measure.
 */
record Settings(
        Set<String> chosen,
        boolean quick,
        boolean profile,
        List<Integer> gatewayRates,
        Duration gatewayStep,
        Duration warmUp,
        List<Integer> endToEndRates,
        Duration endToEndRun,
        int streams,
        int tagsPerStream,
        int historyEvents,
        int importRepositories,
        int importTagsPerRepository,
        int importChecksPerMinute,
        Duration importInterval,
        Duration idleSample,
        int drainStreams,
        int drainTagsPerStream,
        int drainEvents) {

    static final List<String> BENCHMARKS = List.of("gateway", "e2e", "history", "imports", "footprint", "drain");

    static Settings fromSystemProperties() {
        String chosen = System.getProperty("bench", "all");
        Set<String> benchmarks = chosen.equals("all")
                ? Set.copyOf(BENCHMARKS)
                : Arrays.stream(chosen.split(",")).map(String::trim).collect(Collectors.toSet());
        if (!BENCHMARKS.containsAll(benchmarks)) {
            throw new IllegalArgumentException("-Dbench takes all or some of " + BENCHMARKS + ", not " + chosen);
        }
        boolean quick = Boolean.getBoolean("bench.quick");
        boolean profile = Boolean.getBoolean("bench.profile");
        if (quick) {
            return new Settings(
                    benchmarks,
                    true,
                    profile,
                    List.of(500, 1_000),
                    Duration.ofSeconds(3),
                    Duration.ofSeconds(2),
                    List.of(50, 100),
                    Duration.ofSeconds(5),
                    10,
                    10,
                    1_000,
                    5,
                    20,
                    60_000,
                    Duration.ofSeconds(20),
                    Duration.ofSeconds(3),
                    1,
                    50,
                    500);
        }
        return new Settings(
                benchmarks,
                false,
                profile,
                List.of(1_000, 2_000, 3_000, 5_000, 7_500, 10_000, 15_000, 20_000),
                Duration.ofSeconds(15),
                Duration.ofSeconds(10),
                List.of(100, 500, 1_000, 2_000),
                Duration.ofSeconds(60),
                100,
                10,
                20_000,
                100,
                100,
                60_000,
                Duration.ofSeconds(240),
                Duration.ofSeconds(10),
                10,
                100,
                20_000);
    }

    boolean runs(String benchmark) {
        return chosen.contains(benchmark);
    }
}
