package dev.tagline.support.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends a record that can never be applied to its dead-letter topic, with its key, value and headers and the headers
 * SmallRye's own dead-letter strategy adds ({@code dead-letter-reason}, {@code -cause}, {@code -topic},
 * {@code -partition}, {@code -offset}). A batch consumer cannot leave this to the connector, which dead-letters a
 * failed batch whole; so the consumer sends its poison records itself, one by one, and acknowledges the batch only
 * after the broker acknowledged them. An unreachable broker is retried: the record is never skipped unrecorded.
 */
public final class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private final MutinyEmitter<String> emitter;

    /** @param emitter the service's channel to its consumer's dead-letter topic */
    public DeadLetters(MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> send(ConsumerRecord<String, String> record, Throwable reason) {
        LOG.errorf(
                "Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason.toString());
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add("dead-letter-reason", bytes(reason.getMessage() == null ? reason.toString() : reason.getMessage()));
        if (reason.getCause() != null) {
            headers.add("dead-letter-cause", bytes(reason.getCause().toString()));
        }
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        return Uni.createFrom()
                .deferred(() -> emitter.sendMessage(Message.of(record.value()).addMetadata(metadata)))
                .onFailure()
                .invoke(failure -> LOG.warnf(
                        "Dead-lettering %s-%d@%d failed, retrying: %s",
                        record.topic(), record.partition(), record.offset(), failure.toString()))
                .onFailure()
                .retry()
                .withBackOff(FIRST_RETRY, LONGEST_RETRY)
                .indefinitely();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
