package dev.tagline.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why an image stream tag moved; recorded in its history and in {@code tag.updated}. */
public enum TagChangeCause {
    @JsonProperty("push")
    PUSH,
    @JsonProperty("scheduled-import")
    SCHEDULED_IMPORT,
    @JsonProperty("import")
    IMPORT,
    @JsonProperty("tag")
    TAG,
    @JsonProperty("alias")
    ALIAS,
    @JsonProperty("rollback")
    ROLLBACK;

    /** The cause of a move observed in a registry, by how it was observed. */
    public static TagChangeCause observedBy(Origin.Kind kind) {
        return switch (kind) {
            case WEBHOOK -> PUSH;
            case SCHEDULED_IMPORT -> SCHEDULED_IMPORT;
            case IMPORT -> IMPORT;
        };
    }
}
