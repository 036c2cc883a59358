package dev.tagline.imports;

import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagSpecChanged;
import dev.tagline.events.ImportPolicy;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.TagReference;
import dev.tagline.events.TagSpec;
import dev.tagline.testkit.KafkaTestClients;
import java.time.Instant;

/** Publishes {@code tag.spec-changed} events as the tag-service does, to feed the schedule. */
final class SpecTags {

    private SpecTags() {}

    /** The stream tag now follows {@code source} with scheduled imports (over plain HTTP: test registries). */
    static void followScheduled(StreamTagRef streamTag, String source) {
        publish(
                KafkaTestClients.newEventId(),
                specChanged(streamTag, ImageStreamTagSpecChanged.Change.CREATED, source, true));
    }

    static void remove(StreamTagRef streamTag, String source) {
        publish(
                KafkaTestClients.newEventId(),
                specChanged(streamTag, ImageStreamTagSpecChanged.Change.REMOVED, source, true));
    }

    static ImageStreamTagSpecChanged specChanged(
            StreamTagRef streamTag, ImageStreamTagSpecChanged.Change change, String source, boolean scheduled) {
        return specChanged(streamTag, change, source, scheduled, true);
    }

    static ImageStreamTagSpecChanged specChanged(
            StreamTagRef streamTag,
            ImageStreamTagSpecChanged.Change change,
            String source,
            boolean scheduled,
            boolean insecure) {
        TagSpec spec = new TagSpec(
                streamTag.tag(),
                new TagReference(TagReference.Kind.DockerImage, null, source),
                false,
                null,
                new ImportPolicy(scheduled, insecure, null));
        return new ImageStreamTagSpecChanged(
                streamTag.namespace(), streamTag.imageStream(), streamTag.tag(), change, spec, Instant.now());
    }

    static void publish(String eventId, ImageStreamTagSpecChanged event) {
        KafkaTestClients.publish(
                EventType.IMAGESTREAM_TAG_SPEC_CHANGED,
                eventId,
                event.streamTag().key(),
                event);
    }
}
