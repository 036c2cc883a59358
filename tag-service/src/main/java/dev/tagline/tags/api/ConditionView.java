package dev.tagline.tags.api;

import dev.tagline.tags.domain.TagCondition;
import java.time.Instant;

/** A tag condition as the API shows it. */
public record ConditionView(String type, String status, String reason, String message, Instant lastTransitionTime) {

    static ConditionView of(TagCondition condition) {
        return new ConditionView(condition.type, condition.status, condition.reason, condition.message,
                condition.lastTransitionTime);
    }
}
