package dev.tagline.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.events.EventJson;
import dev.tagline.testkit.ExternalCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a topic with {@code kcat} (Debian package {@code kcat}), a Kafka client outside the JVM, as another team's
 * consumer would: every record from the beginning, with its key, headers and the broker's timestamp.
 */
final class Kcat {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A record as kcat prints it with {@code -J}. */
    record Record(
            String topic,
            int partition,
            long offset,
            Instant timestamp,
            String key,
            Map<String, String> headers,
            String payload) {

        JsonNode json() {
            try {
                return EventJson.mapper().readTree(payload);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Kcat() {}

    /** Fails with what to install when kcat is missing: a system test without it would prove nothing. */
    static void requireInstalled() {
        if (ExternalCommand.find("kcat").isEmpty()) {
            throw new IllegalStateException(
                    "kcat is not on the PATH; the system tests read Kafka with it (apt-get install kcat)");
        }
    }

    /** Every record of {@code topic} now on the broker, partition by partition, each in offset order. */
    static List<Record> readAll(String bootstrapServers, String topic) {
        String lines = ExternalCommand.output(
                List.of("kcat", "-C", "-b", bootstrapServers, "-t", topic, "-o", "beginning", "-e", "-J", "-q"),
                TIMEOUT);
        return lines.lines().filter(line -> !line.isBlank()).map(Kcat::parse).toList();
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
            return new Record(
                    json.path("topic").asText(),
                    json.path("partition").asInt(),
                    json.path("offset").asLong(),
                    Instant.ofEpochMilli(json.path("ts").asLong()),
                    json.path("key").isNull() ? null : json.path("key").asText(),
                    headers,
                    json.path("payload").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("kcat printed what is not JSON: " + line, e);
        }
    }
}
