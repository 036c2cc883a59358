package dev.tagline.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The end-to-end latencies the story saw, printed as tables on stdout; measured, never asserted. */
final class Latencies {

    /**
     * One change and its way to delivery; any instant may be null where there is none.
     *
     * @param started when the change was made as the user sees it: skopeo's push exited, or the REST call answered
     * @param registryEvent the timestamp of the registry's own push notification
     * @param registryTagRecord the broker timestamp of the {@code registry.tag.changed} (gateway or import-service)
     * @param tagUpdatedRecord the broker timestamp of the tag-service's {@code tag.updated}
     * @param actionRecord the broker timestamp of the action on {@code trigger-actions}
     * @param webhookReceived when the test's receiver got the signed POST
     */
    record Row(
            String change,
            Instant started,
            Instant registryEvent,
            Instant registryTagRecord,
            Instant tagUpdatedRecord,
            Instant actionRecord,
            Instant webhookReceived) {

        static Row nothingDelivered(String change) {
            return new Row(change, null, null, null, null, null, null);
        }
    }

    private static final String ENDS = "%-62s %14s %15s %12s %13s%n";
    private static final String HOPS = "%-62s %12s %20s %12s %16s %9s%n";

    private final List<Row> rows = new CopyOnWriteArrayList<>();

    void record(Row row) {
        rows.add(row);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    String table() {
        StringBuilder out = new StringBuilder()
                .append("End-to-end latency in ms from a change to its delivery (one machine, one clock). From:\n")
                .append("  push  = skopeo's push exited, or the REST call answered (for a rollback or release);\n")
                .append("  event = the timestamp of the registry's own push notification, which it takes when it has\n")
                .append(
                        "          stored the manifest, before skopeo exits (none without notifications or for REST calls).\n")
                .append("To:\n")
                .append("  webhook = the test's receiver got the signed POST;\n")
                .append(
                        "  Kafka   = the trigger-actions record's timestamp, set by the trigger-service when it sent it.\n")
                .append(String.format(
                        ENDS, "change", "push->webhook", "event->webhook", "push->Kafka", "event->Kafka"));
        for (Row row : rows) {
            out.append(String.format(
                    ENDS,
                    row.change(),
                    millis(row.started(), row.webhookReceived()),
                    millis(row.registryEvent(), row.webhookReceived()),
                    millis(row.started(), row.actionRecord()),
                    millis(row.registryEvent(), row.actionRecord())));
        }
        out.append(
                        "\nWhere the time goes, in ms from one step to the next (Kafka steps by their records' timestamps; the\n")
                .append(
                        "trigger-service sends the Kafka record and the webhook independently, so the last step may be negative):\n")
                .append(String.format(
                        HOPS,
                        "change",
                        "push->event",
                        "->registry.tag.changed",
                        "->tag.updated",
                        "->trigger-action",
                        "->webhook"));
        for (Row row : rows) {
            Instant start = row.registryEvent() != null ? row.registryEvent() : row.started();
            out.append(String.format(
                    HOPS,
                    row.change(),
                    millis(row.started(), row.registryEvent()),
                    millis(start, row.registryTagRecord()),
                    millis(row.registryTagRecord() != null ? row.registryTagRecord() : start, row.tagUpdatedRecord()),
                    millis(row.tagUpdatedRecord(), row.actionRecord()),
                    millis(row.actionRecord(), row.webhookReceived())));
        }
        return out.toString();
    }

    private static String millis(Instant from, Instant to) {
        return from == null || to == null
                ? "-"
                : String.valueOf(Duration.between(from, to).toMillis());
    }
}
