package dev.tagline.imports.domain;

import dev.tagline.events.MalformedEventException;

/** Checks of consumed event data, before any work: a missing field can never be applied. */
public final class EventFields {

    private EventFields() {}

    public static void require(String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new MalformedEventException(field, field + " is required");
        }
    }
}
