package dev.tagline.tags.service;

import dev.tagline.tags.domain.TagCondition;
import dev.tagline.tags.store.ConditionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Sets a condition on a tag, telling whether users would see a change. */
@ApplicationScoped
public class ConditionSetter {

    private final ConditionRepository conditions;

    public ConditionSetter(ConditionRepository conditions) {
        this.conditions = conditions;
    }

    /** @return whether the condition is new or changed its status or reason */
    public Uni<Boolean> set(Long streamTagId, String type, String status, String reason, String message, Instant now) {
        return conditions.find(streamTagId, type).chain(existing -> {
            if (existing == null) {
                return conditions
                        .persist(TagCondition.of(streamTagId, type, status, reason, message, now))
                        .replaceWith(true);
            }
            boolean changed = existing.differsFrom(status, reason);
            existing.message = message;
            if (changed) {
                existing.status = status;
                existing.reason = reason;
                existing.lastTransitionTime = now;
            }
            return Uni.createFrom().item(changed);
        });
    }
}
