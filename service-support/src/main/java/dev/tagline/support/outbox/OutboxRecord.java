package dev.tagline.support.outbox;

import dev.tagline.events.CloudEventHeaders;

/** A row of a service's transactional outbox: one event, as the relay sends it to Kafka. */
public interface OutboxRecord {

    /** Grows in the order rows were written, which is the order they are relayed in. */
    Long id();

    String topic();

    String recordKey();

    /** The event's JSON data, the record's value. */
    String payload();

    /** The CloudEvents attributes, sent as {@code ce_*} headers, with {@code source} as {@code ce_source}. */
    CloudEventHeaders cloudEvent(String source);
}
