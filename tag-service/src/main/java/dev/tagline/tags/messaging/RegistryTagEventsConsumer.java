package dev.tagline.tags.messaging;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.MalformedEventException;
import dev.tagline.events.Topics;
import dev.tagline.tags.domain.RegistryEventApplier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code registry-tag-events}. The record is acknowledged only once its transaction committed; a
 * crash before that redelivers it and the applied-event log turns the redelivery into a no-op. A record
 * that can never be applied is nacked and goes to the dead-letter topic; any other failure (the database
 * is down) is retried, holding the partition, so nothing is skipped.
 */
@ApplicationScoped
public class RegistryTagEventsConsumer {

    public static final String CHANNEL = Topics.REGISTRY_TAG_EVENTS;

    private static final Logger LOG = Logger.getLogger(RegistryTagEventsConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private final RegistryEventApplier applier;
    private final OutboxRelay relay;

    public RegistryTagEventsConsumer(RegistryEventApplier applier, OutboxRelay relay) {
        this.applier = applier;
        this.relay = relay;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> apply(record))
                .onFailure(failure -> !(failure instanceof MalformedEventException))
                .invoke(failure -> LOG.warnf(failure, "Applying %s failed; retrying", describe(record)))
                .onFailure(failure -> !(failure instanceof MalformedEventException))
                .retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).indefinitely()
                .onFailure(MalformedEventException.class)
                .invoke(failure -> LOG.errorf("Dead-lettering %s: %s (field %s)", describe(record),
                        failure.getMessage(), ((MalformedEventException) failure).field()))
                .invoke(applied -> {
                    if (applied) {
                        relay.nudge();
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Boolean> apply(ConsumerRecord<String, String> record) {
        CloudEventHeaders event = CloudEventHeaders.fromHeaders(name -> lastHeader(record, name));
        if (record.value() == null || record.value().isBlank()) {
            throw new MalformedEventException("data", "the record has no data");
        }
        return applier.apply(event, record.value());
    }

    private static byte[] lastHeader(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    private static String describe(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
