package dev.tagline.benchmarks;

import dev.tagline.testkit.ExternalCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own {@code kafka-producer-perf-test} (its {@code ProducerPerformance} class, in a JVM of its own) against
 * the broker the gateway uses, with the gateway's durability ({@code acks=all}, idempotence) and record size: the
 * most records per second this broker takes from one producer on this machine.
 */
final class KafkaProducerCeiling {

    /** The tool's summary line, e.g. {@code 300000 records sent, 101317.9 records/sec (56.20 MB/sec), 12.3 ms avg latency, ...}. */
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency"
                    + "(?:, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th)?");

    record Result(
            long records, double recordsPerSecond, double megabytesPerSecond, double p50Millis, double p99Millis) {}

    private KafkaProducerCeiling() {}

    static Result run(String bootstrapServers, String topic, long records, int recordSize, Path workDirectory) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                topic,
                "--num-records",
                String.valueOf(records),
                "--record-size",
                String.valueOf(recordSize),
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + bootstrapServers,
                "acks=all",
                "enable.idempotence=true",
                "linger.ms=5"));
        ExternalCommand.Result result = ExternalCommand.run(command, workDirectory, Duration.ofMinutes(5));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("ProducerPerformance failed: " + result.output());
        }
        return parse(result.output());
    }

    /** The tool's last summary line: it prints one every few seconds and a final one with percentiles. */
    static Result parse(String output) {
        MatchResult last = null;
        Matcher matcher = SUMMARY.matcher(output);
        while (matcher.find()) {
            last = matcher.toMatchResult();
        }
        if (last == null) {
            throw new IllegalStateException("No summary in ProducerPerformance's output: " + output);
        }
        return new Result(
                Long.parseLong(last.group(1)),
                Double.parseDouble(last.group(2)),
                Double.parseDouble(last.group(3)),
                number(last.group(6)),
                number(last.group(8)));
    }

    private static double number(String group) {
        return group == null ? Double.NaN : Double.parseDouble(group);
    }
}
