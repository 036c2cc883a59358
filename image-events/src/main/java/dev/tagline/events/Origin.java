package dev.tagline.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where an observation of a registry tag came from.
 *
 * @param source the configured webhook source name, or the import-service instance
 * @param sourceEventId the registry's own event id, when it gave one
 * @param actor who pushed, when the registry said
 */
public record Origin(Kind kind, String source, String sourceEventId, String actor) {

    /** How the observation was made. */
    public enum Kind {
        @JsonProperty("webhook")
        WEBHOOK,
        @JsonProperty("scheduled-import")
        SCHEDULED_IMPORT,
        @JsonProperty("import")
        IMPORT
    }
}
