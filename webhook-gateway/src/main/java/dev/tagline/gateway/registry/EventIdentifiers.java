package dev.tagline.gateway.registry;

import dev.tagline.gateway.domain.InvalidPayloadException;

/** A sender's own event id becomes {@code ce_id}, so it must be something every consumer can store and index. */
final class EventIdentifiers {

    private EventIdentifiers() {}

    static String check(String id, String field, int maxLength) {
        if (id.length() > maxLength) {
            throw new InvalidPayloadException(
                    field, field + " is " + id.length() + " characters; at most " + maxLength);
        }
        if (id.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            throw new InvalidPayloadException(field, field + " contains a control character");
        }
        return id;
    }
}
