package dev.tagline.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads a topic with {@code kcat} (Debian package {@code kcat}), a Kafka client outside the JVM, as another team's
 * consumer would: every record from the beginning, with its key, headers and the broker's timestamp.
 */
final class Kcat {

    private static final long TIMEOUT_SECONDS = 30;

    /** A record as kcat prints it with {@code -J}. */
    record Record(String topic, int partition, long offset, Instant timestamp, String key, Map<String, String> headers,
            String payload) {

        JsonNode json() {
            try {
                return EventJson.mapper().readTree(payload);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Kcat() {
    }

    /** Fails with what to install when kcat is missing: a system test without it would prove nothing. */
    static void requireInstalled() {
        try {
            Process process = new ProcessBuilder("kcat", "-V").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kcat -V failed; the system tests read Kafka with kcat (apt-get install kcat)");
            }
        } catch (IOException e) {
            throw new IllegalStateException("kcat is not on the PATH; the system tests read Kafka with it (apt-get install kcat)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every record of {@code topic} now on the broker, partition by partition, each in offset order. */
    static List<Record> readAll(String bootstrapServers, String topic) {
        try {
            Path output = Files.createTempFile("kcat", ".json");
            Path errors = Files.createTempFile("kcat", ".err");
            try {
                Process process = new ProcessBuilder("kcat", "-C", "-b", bootstrapServers, "-t", topic,
                        "-o", "beginning", "-e", "-J", "-q")
                        .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kcat did not reach the end of " + topic);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kcat failed (" + process.exitValue() + ") on " + topic + ": "
                            + Files.readString(errors, StandardCharsets.UTF_8));
                }
                return Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isBlank())
                        .map(Kcat::parse)
                        .toList();
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Record parse(String line) {
        try {
            JsonNode json = EventJson.mapper().readTree(line);
            // kcat lists headers as a flat array: name, value, name, value …
            Map<String, String> headers = new LinkedHashMap<>();
            JsonNode flat = json.path("headers");
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                headers.put(flat.get(i).asText(), flat.get(i + 1).asText());
            }
            return new Record(json.path("topic").asText(), json.path("partition").asInt(), json.path("offset").asLong(),
                    Instant.ofEpochMilli(json.path("ts").asLong()), json.path("key").isNull() ? null : json.path("key").asText(),
                    headers, json.path("payload").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("kcat printed what is not JSON: " + line, e);
        }
    }
}
