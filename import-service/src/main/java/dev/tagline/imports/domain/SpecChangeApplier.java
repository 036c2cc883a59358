package dev.tagline.imports.domain;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagSpecChanged;
import dev.tagline.support.inbox.AppliedEventLog;
import dev.tagline.support.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Applies one event from {@code imagestream-tag-events} to the schedule: only {@code tag.spec-changed} concerns
 * it, the other types are skipped without a transaction. The schedule change and the record that the event was
 * applied commit together, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class SpecChangeApplier {

    private final AppliedEventLog appliedEvents;
    private final FollowerSchedule schedule;

    public SpecChangeApplier(AppliedEventLog appliedEvents, FollowerSchedule schedule) {
        this.appliedEvents = appliedEvents;
        this.schedule = schedule;
    }

    /**
     * @return false when the event was skipped or applied before
     * @throws dev.tagline.events.MalformedEventException when a spec change can never be applied
     */
    public Uni<Boolean> apply(CloudEventHeaders event, String data) {
        if (event.type() != EventType.IMAGESTREAM_TAG_SPEC_CHANGED) {
            return Uni.createFrom().item(false);
        }
        FollowerSchedule.Validated change = schedule.validate(EventJson.read(data, ImageStreamTagSpecChanged.class));
        Instant now = Timestamps.now();
        return Panache.withTransaction(() -> appliedEvents.recordFirstApplication(event.source(), event.id(), now)
                .chain(first -> first
                        ? schedule.apply(change, now).replaceWith(true)
                        : Uni.createFrom().item(false)));
    }
}
