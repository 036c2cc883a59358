package dev.tagline.triggers.messaging;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventType;
import dev.tagline.events.MalformedEventException;
import dev.tagline.events.Topics;
import dev.tagline.support.messaging.RecordHeaders;
import dev.tagline.support.messaging.StuckRecordCheck;
import dev.tagline.support.messaging.TransientRetry;
import dev.tagline.triggers.domain.TagUpdateApplier;
import dev.tagline.triggers.webhook.DeliveryDispatcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code imagestream-tag-events}; only {@code tag.updated} concerns triggers, every other type (also
 * one added after this service was built) is acknowledged and skipped. A record is acknowledged only once its
 * transaction committed; a crash before that redelivers it and the applied-event log turns the redelivery into
 * a no-op. A record that can never be applied is nacked to the dead-letter topic; any other failure (the
 * database is down, a deadlock) is retried with backoff while the records behind it wait, so that nothing is
 * skipped or reordered. {@link TransientRetry} tells the two apart;
 * {@link StuckRecordCheck} makes a long retry visible.
 */
@ApplicationScoped
public class TagEventsConsumer {

    public static final String CHANNEL = Topics.IMAGESTREAM_TAG_EVENTS;

    private final TagUpdateApplier applier;
    private final OutboxRelay relay;
    private final DeliveryDispatcher dispatcher;
    private final StuckRecordCheck stuck;

    public TagEventsConsumer(TagUpdateApplier applier, OutboxRelay relay, DeliveryDispatcher dispatcher,
            @Readiness StuckRecordCheck stuck) {
        this.applier = applier;
        this.relay = relay;
        this.dispatcher = dispatcher;
        this.stuck = stuck;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (!isTagUpdated(record)) {
            return Uni.createFrom().voidItem();
        }
        return TransientRetry.apply(record, () -> apply(record), stuck)
                .invoke(applied -> {
                    if (applied) {
                        relay.nudge();
                        dispatcher.nudge();
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Decided on the type header alone, so that types this service does not know pass by instead of being
     * dead-lettered as unreadable. A record without the header is left to the full check, which refuses it.
     */
    private static boolean isTagUpdated(ConsumerRecord<String, String> record) {
        byte[] type = RecordHeaders.last(record, CloudEventHeaders.TYPE);
        return type == null || EventType.IMAGESTREAM_TAG_UPDATED.type().equals(new String(type, StandardCharsets.UTF_8));
    }

    private Uni<Boolean> apply(ConsumerRecord<String, String> record) {
        CloudEventHeaders event = CloudEventHeaders.fromHeaders(name -> RecordHeaders.last(record, name));
        if (record.value() == null || record.value().isBlank()) {
            throw new MalformedEventException("data", "the record has no data");
        }
        return applier.apply(event, record.value());
    }
}
