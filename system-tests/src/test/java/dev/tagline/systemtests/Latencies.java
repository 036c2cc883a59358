package dev.tagline.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The end-to-end latencies the story saw, printed as a table on stdout; measured, never asserted. */
final class Latencies {

    /**
     * One change and its delivery. {@code started} is when the change was made as the user sees it (skopeo's push
     * exited, or the REST call answered); {@code registryEvent} is the timestamp of the registry's own notification,
     * null where there is none (REST calls, a registry without notifications).
     */
    record Row(String step, Instant started, Instant registryEvent, Instant webhookReceived, Instant kafkaRecord) {
    }

    private final List<Row> rows = new CopyOnWriteArrayList<>();

    void record(String step, Instant started, Instant registryEvent, Instant webhookReceived, Instant kafkaRecord) {
        rows.add(new Row(step, started, registryEvent, webhookReceived, kafkaRecord));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    String table() {
        StringBuilder out = new StringBuilder()
                .append("End-to-end latency in ms from a change to its delivery (one machine, one clock). From:\n")
                .append("  push  = skopeo's push exited, or the REST call answered (for a rollback or release);\n")
                .append("  event = the timestamp of the registry's own push notification, which it takes when it has\n")
                .append("          stored the manifest, before skopeo exits (none without notifications or for REST calls).\n")
                .append("To:\n")
                .append("  webhook = the test's receiver got the signed POST;\n")
                .append("  Kafka   = the trigger-actions record's timestamp, set by the trigger-service when it sent it.\n")
                .append(String.format("%-62s %15s %16s %13s %14s%n", "change", "push->webhook", "event->webhook",
                        "push->Kafka", "event->Kafka"));
        for (Row row : rows) {
            out.append(String.format("%-62s %15s %16s %13s %14s%n", row.step(),
                    millis(row.started(), row.webhookReceived()), millis(row.registryEvent(), row.webhookReceived()),
                    millis(row.started(), row.kafkaRecord()), millis(row.registryEvent(), row.kafkaRecord())));
        }
        return out.toString();
    }

    private static String millis(Instant from, Instant to) {
        return from == null || to == null ? "-" : String.valueOf(Duration.between(from, to).toMillis());
    }
}
