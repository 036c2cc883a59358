package dev.tagline.support.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads Kafka record headers the way CloudEvents binding needs them: the last value wins. */
public final class RecordHeaders {

    private RecordHeaders() {}

    /** The last value of a header, or null when the record has none. */
    public static byte[] last(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }
}
