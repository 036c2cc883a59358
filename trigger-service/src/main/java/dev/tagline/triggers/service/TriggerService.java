package dev.tagline.triggers.service;

import dev.tagline.support.time.Timestamps;
import dev.tagline.triggers.domain.Delivery;
import dev.tagline.triggers.domain.FiringRules;
import dev.tagline.triggers.domain.FollowCheck;
import dev.tagline.triggers.domain.Trigger;
import dev.tagline.triggers.domain.TriggerSpec;
import dev.tagline.triggers.domain.WebhookSecret;
import dev.tagline.triggers.domain.WebhookSpec;
import dev.tagline.triggers.store.DeliveryRepository;
import dev.tagline.triggers.store.FollowedTagRepository;
import dev.tagline.triggers.store.TriggerRepository;
import dev.tagline.web.ConflictException;
import dev.tagline.web.NotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Creates, changes and removes triggers, and redelivers their deliveries, as users ask over REST. A change
 * that leaves a trigger unpaused behind its tag (a resume after the tag moved, or a creation asked to fire for
 * the current image) fires it in the same transaction, under the trigger's row lock.
 */
@ApplicationScoped
public class TriggerService {

    private final TriggerRepository triggers;
    private final FollowedTagRepository followedTags;
    private final DeliveryRepository deliveries;
    private final TriggerFirer firer;

    public TriggerService(
            TriggerRepository triggers,
            FollowedTagRepository followedTags,
            DeliveryRepository deliveries,
            TriggerFirer firer) {
        this.triggers = triggers;
        this.followedTags = followedTags;
        this.deliveries = deliveries;
        this.firer = firer;
    }

    /** @param mayFollow checks that the trigger may follow the tag the spec names */
    @WithTransaction
    public Uni<Trigger> create(String namespace, TriggerSpec spec, FollowCheck mayFollow) {
        Instant now = Timestamps.now();
        return triggers.findByName(namespace, spec.name()).chain(existing -> {
            mayFollow.require(spec.from());
            if (existing != null) {
                throw new ConflictException("name", "trigger " + namespace + "/" + spec.name() + " already exists");
            }
            requireSecret(spec);
            Trigger trigger = Trigger.create(namespace, spec.name(), now);
            trigger.applySpec(spec, now);
            return followedTags.current(trigger.from()).chain(current -> {
                trigger.handledDigest = FiringRules.startingPoint(current.orElse(null), spec.fireForCurrentImage());
                return triggers.persistAndFlush(trigger)
                        .chain(() -> firer.catchUp(trigger, current.orElse(null), now))
                        .replaceWith(trigger);
            });
        });
    }

    /**
     * Makes the trigger what the spec says. Pausing and resuming are done this way: a resumed trigger whose
     * tag moved while it was paused fires once, for the image the tag has now. A new {@code from} starts over
     * from that tag's current image, as a creation does.
     *
     * @param mayFollow checks a new {@code from}; a trigger that keeps following its tag needs no check, so that
     *     whoever may change the trigger may pause it, whatever it follows
     */
    @WithTransaction
    public Uni<Trigger> replace(String namespace, String name, TriggerSpec spec, FollowCheck mayFollow) {
        Instant now = Timestamps.now();
        return existingLocked(namespace, name).chain(trigger -> {
            boolean repointed = !trigger.from().equals(spec.from());
            if (repointed) {
                mayFollow.require(spec.from());
            }
            TriggerSpec complete = keepingSecret(spec, trigger);
            trigger.applySpec(complete, now);
            return followedTags.current(trigger.from()).chain(current -> {
                if (repointed) {
                    trigger.handledDigest =
                            FiringRules.startingPoint(current.orElse(null), complete.fireForCurrentImage());
                }
                return firer.catchUp(trigger, current.orElse(null), now).replaceWith(trigger);
            });
        });
    }

    /** Removes the trigger with its deliveries; actions already decided still reach {@code trigger-actions}. */
    @WithTransaction
    public Uni<Void> delete(String namespace, String name) {
        return existingLocked(namespace, name).chain(triggers::delete);
    }

    /** Sends the delivery again with a fresh budget of attempts, whatever became of it. */
    @WithTransaction
    public Uni<Delivery> redeliver(String namespace, String name, long deliveryId) {
        Instant now = Timestamps.now();
        return existingLocked(namespace, name)
                .chain(trigger -> deliveries
                        .findOfTriggerLocked(trigger.id, deliveryId)
                        .map(delivery -> {
                            if (delivery == null) {
                                throw new NotFoundException(
                                        "id", "trigger " + trigger.key() + " has no delivery " + deliveryId);
                            }
                            if (trigger.webhookUrl == null) {
                                throw new ConflictException(
                                        "webhook", "trigger " + trigger.key() + " has no webhook now");
                            }
                            if (delivery.inFlight(now)) {
                                throw new ConflictException("id", "delivery " + deliveryId + " is being attempted now");
                            }
                            delivery.redeliver(now);
                            return delivery;
                        }));
    }

    private Uni<Trigger> existingLocked(String namespace, String name) {
        return triggers.findByNameLocked(namespace, name).map(trigger -> {
            if (trigger == null) {
                throw new NotFoundException("name", "trigger " + namespace + "/" + name + " not found");
            }
            return trigger;
        });
    }

    private static void requireSecret(TriggerSpec spec) {
        if (spec.webhook().isPresent() && spec.webhook().get().secret().isEmpty()) {
            throw WebhookSecret.missing();
        }
    }

    /** A replacement may leave the write-only secret out: the trigger keeps the one it has. */
    private static TriggerSpec keepingSecret(TriggerSpec spec, Trigger trigger) {
        Optional<WebhookSpec> webhook = spec.webhook();
        if (webhook.isEmpty() || webhook.get().secret().isPresent()) {
            return spec;
        }
        if (trigger.webhookSecret == null) {
            throw WebhookSecret.missing();
        }
        return spec.withWebhook(
                new WebhookSpec(webhook.get().url(), Optional.of(WebhookSecret.parse(trigger.webhookSecret))));
    }
}
