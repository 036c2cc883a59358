package dev.tagline.support.outbox;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventType;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;

/**
 * A row of a service's {@code outbox} table, as the relay sends it: each of the three services keeps the same columns
 * in its own schema.
 *
 * @param id grows in the order rows were written, which is the order they are relayed in
 * @param eventId becomes {@code ce_id}, so that a row relayed again after a crash is deduped by consumers
 * @param payload the event's JSON data, the record's value
 */
record OutboxRow(
        long id,
        String eventId,
        String topic,
        String recordKey,
        String type,
        String subject,
        String payload,
        Instant createdAt) {

    /** The columns {@link #from} reads, in its order. */
    static final String COLUMNS = "id, event_id::text, topic, record_key, type, subject, payload, created_at";

    static OutboxRow from(Row row) {
        return new OutboxRow(
                row.getLong(0),
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getOffsetDateTime(7).toInstant());
    }

    /** The CloudEvents attributes, sent as {@code ce_*} headers, with {@code source} as {@code ce_source}. */
    CloudEventHeaders cloudEvent(String source) {
        return new CloudEventHeaders(eventId, source, EventType.ofType(type).orElseThrow(), subject, createdAt);
    }
}
