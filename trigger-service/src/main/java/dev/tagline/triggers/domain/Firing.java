package dev.tagline.triggers.domain;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.ImagePointer;
import dev.tagline.events.TriggerActionRequested;
import java.time.Instant;
import java.util.Map;

/**
 * What a trigger firing for one tag move writes, built the same way by every path that fires (a tag update, a
 * creation, a resume): the action under its {@link IdempotencyKey}, its {@code trigger-actions} event for the outbox
 * and, when the trigger has a webhook, the structured CloudEvent its deliveries carry.
 *
 * @param webhookBody null when the trigger has no webhook
 */
public record Firing(
        Trigger trigger, TagImage move, String idempotencyKey, OutboxMessage event, String webhookBody, Instant at) {

    public static Firing of(Trigger trigger, TagImage move, String eventSource, Instant now) {
        String key = IdempotencyKey.of(trigger.uid, move);
        TriggerActionRequested action = action(trigger, move, key);
        CloudEventHeaders attributes =
                new CloudEventHeaders(key, eventSource, eventType(trigger.kind), trigger.key(), now);
        String webhookBody = trigger.webhookUrl == null ? null : StructuredCloudEvent.json(attributes, action);
        return new Firing(trigger, move, key, OutboxMessage.of(attributes, action.key(), action), webhookBody, now);
    }

    private static TriggerActionRequested action(Trigger trigger, TagImage move, String key) {
        @SuppressWarnings("unchecked")
        Map<String, Object> params = EventJson.read(trigger.params, Map.class);
        return new TriggerActionRequested(
                new TriggerActionRequested.Trigger(trigger.namespace, trigger.name, trigger.kind),
                params,
                new ImagePointer(move.digest(), move.dockerImageReference()),
                new TriggerActionRequested.Source(
                        move.tag().namespace(),
                        move.tag().imageStream(),
                        move.tag().tag(),
                        move.generation()),
                key);
    }

    private static EventType eventType(TriggerActionRequested.Kind kind) {
        return switch (kind) {
            case BUILD -> EventType.TRIGGER_BUILD_REQUESTED;
            case DEPLOY -> EventType.TRIGGER_DEPLOY_REQUESTED;
        };
    }
}
