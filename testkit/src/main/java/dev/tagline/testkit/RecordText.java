package dev.tagline.testkit;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Kafka record written as text, the way the consumers' fuzz tests take their inputs and keep their corpus:
 * {@code name: value} header lines, a blank line, then the value. Readable and writable by hand, and any text at
 * all makes a record, so that the fuzzer explores headers and value together.
 */
public final class RecordText {

    private RecordText() {
    }

    /** Header lines without a colon are skipped; text without a blank line is all headers and no value. */
    public static ConsumerRecord<String, String> parse(String topic, String text) {
        int blank = text.indexOf("\n\n");
        String head = blank < 0 ? text : text.substring(0, blank);
        String value = blank < 0 ? null : text.substring(blank + 2);
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0L, "key", value);
        head.lines().forEach(line -> {
            int colon = line.indexOf(':');
            if (colon > 0) {
                record.headers().add(line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip().getBytes(StandardCharsets.UTF_8));
            }
        });
        return record;
    }
}
