package dev.tagline.tags.messaging;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.MalformedEventException;
import dev.tagline.events.Topics;
import dev.tagline.support.messaging.RecordHeaders;
import dev.tagline.support.messaging.StuckRecordCheck;
import dev.tagline.support.messaging.TransientRetry;
import dev.tagline.tags.domain.RegistryEventApplier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code registry-tag-events}. The record is acknowledged only once its transaction committed; a
 * crash before that redelivers it and the applied-event log turns the redelivery into a no-op. A record
 * that can never be applied is nacked and goes to the dead-letter topic; any other failure (the database
 * is down, a deadlock) is retried with backoff, and the records behind it wait, so that nothing is skipped
 * or reordered. {@link TransientRetry} tells the two apart;
 * {@link StuckRecordCheck} makes a long retry visible.
 */
@ApplicationScoped
public class RegistryTagEventsConsumer {

    public static final String CHANNEL = Topics.REGISTRY_TAG_EVENTS;

    private final RegistryEventApplier applier;
    private final OutboxRelay relay;
    private final StuckRecordCheck stuck;

    public RegistryTagEventsConsumer(RegistryEventApplier applier, OutboxRelay relay,
            @Readiness StuckRecordCheck stuck) {
        this.applier = applier;
        this.relay = relay;
        this.stuck = stuck;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return TransientRetry.apply(record, () -> apply(record), stuck)
                .invoke(applied -> {
                    if (applied) {
                        relay.nudge();
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Boolean> apply(ConsumerRecord<String, String> record) {
        CloudEventHeaders event = CloudEventHeaders.fromHeaders(name -> RecordHeaders.last(record, name));
        if (record.value() == null || record.value().isBlank()) {
            throw new MalformedEventException("data", "the record has no data");
        }
        return applier.apply(event, record.value());
    }
}
