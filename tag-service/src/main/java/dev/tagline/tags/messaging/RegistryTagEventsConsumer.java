package dev.tagline.tags.messaging;

import dev.tagline.events.Topics;
import dev.tagline.support.messaging.DeadLetters;
import dev.tagline.support.messaging.PartitionBatches;
import dev.tagline.support.messaging.StuckRecordCheck;
import dev.tagline.tags.service.RegistryEventApplier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code registry-tag-events} in batches, each partition's records in offset order
 * ({@link PartitionBatches}). The batch's offsets are committed only once its transactions committed; a crash before
 * that redelivers the batch and the applied-event log turns the redelivery into a no-op. A record that can never be
 * applied goes to the dead-letter topic alone while the rest of its batch applies; any other failure (the database is
 * down, a deadlock) is retried with backoff, and the records behind it wait, so that nothing is skipped or reordered.
 * {@link StuckRecordCheck} makes a long retry visible.
 */
@ApplicationScoped
public class RegistryTagEventsConsumer {

    public static final String CHANNEL = Topics.REGISTRY_TAG_EVENTS;
    public static final String DEAD_LETTER_CHANNEL = "registry-tag-events-dlq";

    private final PartitionBatches<RegistryEventApplier.Valid> batches;
    private final OutboxRelay relay;

    public RegistryTagEventsConsumer(
            RegistryEventApplier applier,
            OutboxRelay relay,
            @Channel(DEAD_LETTER_CHANNEL) MutinyEmitter<String> deadLetters,
            @Readiness StuckRecordCheck stuck) {
        this.batches = new PartitionBatches<>(applier, new DeadLetters(deadLetters), stuck);
        this.relay = relay;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return batches.apply(records)
                .invoke(changed -> {
                    if (changed) {
                        relay.nudge();
                    }
                })
                .replaceWithVoid();
    }
}
