package dev.tagline.triggers.domain;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.ImagePointer;
import dev.tagline.events.TriggerActionRequested;
import dev.tagline.triggers.config.TriggersConfig;
import dev.tagline.triggers.store.ActionRepository;
import dev.tagline.triggers.store.DeliveryRepository;
import dev.tagline.triggers.store.OutboxRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/**
 * Brings a locked trigger up to its tag's image: when {@link FiringRules} say it fires, records the action
 * under its unique (trigger, tag move) key and writes it, in the caller's transaction, to the outbox for
 * {@code trigger-actions} and, when the trigger has a webhook, as a pending delivery.
 */
@ApplicationScoped
public class TriggerFirer {

    private final ActionRepository actions;
    private final OutboxRepository outbox;
    private final DeliveryRepository deliveries;
    private final String eventSource;

    public TriggerFirer(ActionRepository actions, OutboxRepository outbox, DeliveryRepository deliveries,
            TriggersConfig config) {
        this.actions = actions;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.eventSource = config.eventSource();
    }

    /**
     * @param image the followed tag's image now, with the generation of the move that put it there; null when
     *     not known yet
     * @return whether an action was written
     */
    public Uni<Boolean> catchUp(Trigger trigger, TagImage image, Instant now) {
        if (!FiringRules.firesFor(trigger, image)) {
            return Uni.createFrom().item(false);
        }
        String key = IdempotencyKey.of(trigger.uid, image);
        return actions.recordFirst(trigger.id, image, key, now).chain(actionId -> {
            trigger.handledDigest = image.digest();
            // This very move fired the trigger before (a tag.updated replayed after the applied-event log forgot
            // it, or a trigger pointed back at a tag that has not moved since): its key is spent, nothing is sent.
            return actionId.isEmpty()
                    ? Uni.createFrom().item(false)
                    : fire(trigger, image, actionId.get(), key, now).replaceWith(true);
        });
    }

    private Uni<Void> fire(Trigger trigger, TagImage image, long actionId, String key, Instant now) {
        trigger.lastTriggeredDigest = image.digest();
        trigger.lastTriggeredReference = image.dockerImageReference();
        trigger.lastTriggeredAt = now;
        TriggerActionRequested action = action(trigger, image, key);
        CloudEventHeaders attributes = new CloudEventHeaders(key, eventSource, eventType(trigger.kind), trigger.key(),
                now);
        Uni<Void> relayed = outbox.persist(OutboxMessage.of(attributes, action.key(), action)).replaceWithVoid();
        if (trigger.webhookUrl == null) {
            return relayed;
        }
        String body = StructuredCloudEvent.json(attributes, action);
        return relayed.chain(() -> deliveries.persist(Delivery.pending(trigger, actionId, key, image.digest(), body,
                now))).replaceWithVoid();
    }

    private static TriggerActionRequested action(Trigger trigger, TagImage image, String key) {
        @SuppressWarnings("unchecked")
        Map<String, Object> params = EventJson.read(trigger.params, Map.class);
        return new TriggerActionRequested(
                new TriggerActionRequested.Trigger(trigger.namespace, trigger.name, trigger.kind),
                params,
                new ImagePointer(image.digest(), image.dockerImageReference()),
                new TriggerActionRequested.Source(image.tag().namespace(), image.tag().imageStream(),
                        image.tag().tag(), image.generation()),
                key);
    }

    static EventType eventType(TriggerActionRequested.Kind kind) {
        return switch (kind) {
            case BUILD -> EventType.TRIGGER_BUILD_REQUESTED;
            case DEPLOY -> EventType.TRIGGER_DEPLOY_REQUESTED;
        };
    }
}
