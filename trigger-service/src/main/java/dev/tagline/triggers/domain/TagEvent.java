package dev.tagline.triggers.domain;

import dev.tagline.events.CloudEventHeaders;
import java.time.Instant;

/** A validated record of {@code imagestream-tag-events}: a tag move to apply, or a type this service passes by. */
public sealed interface TagEvent {

    /**
     * A {@code tag.updated}.
     *
     * @param changedAt when the tag moved, null when the event does not say
     */
    record Move(CloudEventHeaders event, TagImage image, Instant changedAt) implements TagEvent {}

    /** Any other type, also one added after this service was built: acknowledged, never applied. */
    record PassedBy() implements TagEvent {}
}
