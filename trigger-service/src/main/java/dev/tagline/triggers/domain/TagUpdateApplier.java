package dev.tagline.triggers.domain;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.ImageStreamTagUpdated;
import dev.tagline.events.MalformedEventException;
import dev.tagline.support.inbox.AppliedEventLog;
import dev.tagline.support.time.Timestamps;
import dev.tagline.triggers.store.FollowedTagRepository;
import dev.tagline.triggers.store.TriggerRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Applies one {@code tag.updated}: remembers the tag's new image and brings every trigger that follows it up
 * to date, in one transaction with the record that the event was applied, so a redelivered event changes
 * nothing and fires nothing.
 */
@ApplicationScoped
public class TagUpdateApplier {

    private final AppliedEventLog appliedEvents;
    private final FollowedTagRepository followedTags;
    private final TriggerRepository triggers;
    private final TriggerFirer firer;

    public TagUpdateApplier(AppliedEventLog appliedEvents, FollowedTagRepository followedTags,
            TriggerRepository triggers, TriggerFirer firer) {
        this.appliedEvents = appliedEvents;
        this.followedTags = followedTags;
        this.triggers = triggers;
        this.firer = firer;
    }

    /**
     * @return false when the event was applied before
     * @throws MalformedEventException when the event can never be applied
     */
    public Uni<Boolean> apply(CloudEventHeaders event, String data) {
        ImageStreamTagUpdated updated = EventJson.read(data, ImageStreamTagUpdated.class);
        TagImage image = TagUpdateValidator.validate(updated);
        Instant now = Timestamps.now();
        Instant changedAt = updated.changedAt() == null ? now : updated.changedAt();
        return Panache.withTransaction(() -> appliedEvents.recordFirstApplication(event.source(), event.id(), now)
                .chain(first -> first
                        ? followedTags.remember(image, changedAt)
                                .chain(() -> triggers.followingLocked(image.tag()))
                                .chain(followers -> Sequentially.forEach(followers,
                                        trigger -> firer.catchUp(trigger, image, now)))
                                .replaceWith(true)
                        : Uni.createFrom().item(false)));
    }
}
