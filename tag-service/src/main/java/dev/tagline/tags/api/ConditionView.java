package dev.tagline.tags.api;

import dev.tagline.tags.domain.StreamTag;
import dev.tagline.tags.domain.TagCondition;
import java.time.Instant;

/** A tag condition as the API shows it. */
public record ConditionView(String type, String status, String reason, String message, Instant lastTransitionTime) {

    /** Shown while a tag is held; it lives on the tag itself, not among the source problems. */
    static final String HELD = "Held";

    static ConditionView of(TagCondition condition) {
        return new ConditionView(
                condition.type, condition.status, condition.reason, condition.message, condition.lastTransitionTime);
    }

    static ConditionView held(StreamTag tag) {
        return new ConditionView(
                HELD,
                "True",
                "RolledBack",
                "held by a rollback since generation "
                        + tag.holdGeneration + ": its source is recorded in history as held items, not followed, until "
                        + "the hold is released",
                tag.heldSince);
    }
}
