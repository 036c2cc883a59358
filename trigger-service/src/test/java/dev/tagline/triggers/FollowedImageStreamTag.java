package dev.tagline.triggers;

import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagUpdated;
import dev.tagline.testkit.KafkaTestClients;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An image stream tag in a fresh namespace, moved as the tag-service would move it: by publishing
 * {@code tag.updated} to the real broker.
 */
record FollowedImageStreamTag(String namespace, String stream, String tag, AtomicLong generation) {

    static FollowedImageStreamTag fresh() {
        return in(TestData.unique("team"), "app");
    }

    /** The {@code prod} tag of the stream, which may share its namespace with another. */
    static FollowedImageStreamTag in(String namespace, String stream) {
        return new FollowedImageStreamTag(namespace, stream, "prod", new AtomicLong());
    }

    /** {@code stream:tag}, as a trigger's {@code from.name} names it. */
    String name() {
        return stream + ":" + tag;
    }

    String key() {
        return namespace + "/" + name();
    }

    /** Publishes a move to the digest as a new event; returns the event's id. */
    String moveTo(String digest) {
        String eventId = KafkaTestClients.newEventId();
        moveTo(eventId, digest);
        return eventId;
    }

    void moveTo(String eventId, String digest) {
        publish(eventId, update(digest));
    }

    /** The {@code tag.updated} of a move to the digest, at the next generation. */
    ImageStreamTagUpdated update(String digest) {
        return TestData.tagUpdated(namespace, stream, tag, digest, generation.incrementAndGet());
    }

    /** A move to the digest as a new event, for {@link KafkaTestClients#publishBurst}. */
    KafkaTestClients.Outgoing move(String digest) {
        return record(KafkaTestClients.newEventId(), update(digest));
    }

    /** The event as a record with the given {@code ce_id}, for {@link KafkaTestClients#publishBurst}. */
    KafkaTestClients.Outgoing record(String eventId, ImageStreamTagUpdated update) {
        return KafkaTestClients.Outgoing.event(EventType.IMAGESTREAM_TAG_UPDATED, eventId, key(), update);
    }

    /** Publishes the event with the given {@code ce_id}: the same id and data again is a redelivery. */
    void publish(String eventId, ImageStreamTagUpdated update) {
        KafkaTestClients.publish(EventType.IMAGESTREAM_TAG_UPDATED, eventId, key(), update);
    }
}
