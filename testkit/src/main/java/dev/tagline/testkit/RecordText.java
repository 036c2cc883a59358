package dev.tagline.testkit;

import dev.tagline.events.MalformedEventException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Kafka record written as text, the way the consumers' fuzz tests take their inputs and keep their corpus:
 * {@code name: value} header lines, a blank line, then the value. Readable and writable by hand, and any text at
 * all makes a record, so that the fuzzer explores headers and value together.
 */
public final class RecordText {

    private RecordText() {}

    /** Header lines without a colon are skipped; text without a blank line is all headers and no value. */
    public static ConsumerRecord<String, String> parse(String topic, String text) {
        int blank = text.indexOf("\n\n");
        String head = blank < 0 ? text : text.substring(0, blank);
        String value = blank < 0 ? null : text.substring(blank + 2);
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0L, "key", value);
        head.lines().forEach(line -> {
            int colon = line.indexOf(':');
            if (colon > 0) {
                record.headers()
                        .add(
                                line.substring(0, colon).strip(),
                                line.substring(colon + 1).strip().getBytes(StandardCharsets.UTF_8));
            }
        });
        return record;
    }

    /**
     * The property every consumer's validation must have, for its fuzz test: the record the text makes is accepted,
     * or refused with a {@link MalformedEventException} naming a field, which dead-letters it alone. Any other
     * exception escapes: the consumer would count it transient and hold the partition in retries forever.
     */
    public static void acceptedOrRefusedNamingAField(
            String topic, String text, Consumer<ConsumerRecord<String, String>> validation) {
        try {
            validation.accept(parse(topic, text));
        } catch (MalformedEventException refused) {
            if (refused.field() == null || refused.field().isBlank()) {
                throw new AssertionError("refused without naming a field: " + refused.getMessage(), refused);
            }
        }
    }
}
