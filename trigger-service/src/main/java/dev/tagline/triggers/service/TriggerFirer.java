package dev.tagline.triggers.service;

import dev.tagline.triggers.config.TriggersConfig;
import dev.tagline.triggers.domain.Delivery;
import dev.tagline.triggers.domain.Firing;
import dev.tagline.triggers.domain.FiringRules;
import dev.tagline.triggers.domain.TagImage;
import dev.tagline.triggers.domain.Trigger;
import dev.tagline.triggers.store.ActionRepository;
import dev.tagline.triggers.store.DeliveryRepository;
import dev.tagline.triggers.store.OutboxRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Brings one locked trigger up to its tag's image over REST (a creation, a resume, a new {@code from}): when
 * {@link FiringRules} say it fires, records the action under its unique (trigger, tag move) key and writes it, in
 * the caller's transaction, to the outbox for {@code trigger-actions} and, when the trigger has a webhook, as a
 * pending delivery. Tag updates fire a whole batch at once ({@link TagMovesApplier}) by the same rules.
 */
@ApplicationScoped
public class TriggerFirer {

    private final ActionRepository actions;
    private final OutboxRepository outbox;
    private final DeliveryRepository deliveries;
    private final String eventSource;

    public TriggerFirer(
            ActionRepository actions, OutboxRepository outbox, DeliveryRepository deliveries, TriggersConfig config) {
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
        Firing firing = Firing.of(trigger, image, eventSource, now);
        return actions.recordFirst(trigger.id, image, firing.idempotencyKey(), now)
                .chain(actionId -> {
                    trigger.dealtWith(image);
                    // This very move fired the trigger before (a tag.updated replayed after the applied-event log
                    // forgot
                    // it, or a trigger pointed back at a tag that has not moved since): its key is spent, nothing is
                    // sent.
                    return actionId.isEmpty()
                            ? Uni.createFrom().item(false)
                            : fire(firing, actionId.get()).replaceWith(true);
                });
    }

    private Uni<Void> fire(Firing firing, long actionId) {
        Trigger trigger = firing.trigger();
        trigger.firedFor(firing.move(), firing.at());
        Uni<Void> relayed = outbox.persist(firing.event()).replaceWithVoid();
        if (firing.webhookBody() == null) {
            return relayed;
        }
        return relayed.chain(() -> deliveries.persist(Delivery.pending(
                        trigger,
                        actionId,
                        firing.idempotencyKey(),
                        firing.move().digest(),
                        firing.webhookBody(),
                        firing.at())))
                .replaceWithVoid();
    }
}
