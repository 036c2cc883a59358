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
        return new FollowedImageStreamTag(TestData.unique("team"), "app", "prod", new AtomicLong());
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

    /** Publishes the event with the given {@code ce_id}: the same id and data again is a redelivery. */
    void publish(String eventId, ImageStreamTagUpdated update) {
        KafkaTestClients.publish(EventType.IMAGESTREAM_TAG_UPDATED, eventId, key(), update);
    }
}
