package dev.tagline.triggers.messaging;

import dev.tagline.events.Topics;
import dev.tagline.support.messaging.DeadLetters;
import dev.tagline.support.messaging.PartitionBatches;
import dev.tagline.support.messaging.StuckRecordCheck;
import dev.tagline.triggers.domain.TagEvent;
import dev.tagline.triggers.service.TagMovesApplier;
import dev.tagline.triggers.webhook.DeliveryDispatcher;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code imagestream-tag-events} in batches, each partition's records in offset order
 * ({@link PartitionBatches}); only {@code tag.updated} concerns triggers, every other type (also one added after this
 * service was built) is acknowledged and skipped. What happens on a crash at each step:
 * <ol>
 *   <li>polled, not yet applied: nothing is written; the batch is redelivered;</li>
 *   <li>a record that can never be applied goes to the dead-letter topic alone, acknowledged by the broker before
 *       the batch is; a crash before the batch's offsets are committed may dead-letter it a second time;</li>
 *   <li>the partition's valid records apply in one transaction ({@link TagMovesApplier}); a crash before commit
 *       rolls it all back and the batch is redelivered; any other failure (the database is down, a deadlock) is
 *       retried with backoff while the records behind it wait, so nothing is skipped or reordered, and
 *       {@link StuckRecordCheck} makes a long retry visible;</li>
 *   <li>the batch's offsets are committed only after its transaction committed; a crash in between redelivers it,
 *       and the applied-event log makes the redelivery change and publish nothing.</li>
 * </ol>
 */
@ApplicationScoped
public class TagEventsConsumer {

    public static final String CHANNEL = Topics.IMAGESTREAM_TAG_EVENTS;
    public static final String DEAD_LETTER_CHANNEL = "imagestream-tag-events-dlq";

    private final PartitionBatches<TagEvent> batches;
    private final OutboxRelay relay;
    private final DeliveryDispatcher dispatcher;

    public TagEventsConsumer(
            TagMovesApplier applier,
            OutboxRelay relay,
            DeliveryDispatcher dispatcher,
            @Channel(DEAD_LETTER_CHANNEL) MutinyEmitter<String> deadLetters,
            @Readiness StuckRecordCheck stuck) {
        this.batches = new PartitionBatches<>(applier, new DeadLetters(deadLetters), stuck);
        this.relay = relay;
        this.dispatcher = dispatcher;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return batches.apply(records)
                .invoke(fired -> {
                    if (fired) {
                        relay.nudge();
                        dispatcher.nudge();
                    }
                })
                .replaceWithVoid();
    }
}
