package dev.tagline.triggers.api;

import dev.tagline.events.EventJson;
import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.InvalidReferenceException;
import dev.tagline.triggers.api.Views.AffectedTriggerView;
import dev.tagline.triggers.api.Views.DeliveryView;
import dev.tagline.triggers.api.Views.ImpactView;
import dev.tagline.triggers.api.Views.TagImageView;
import dev.tagline.triggers.api.Views.TriggerView;
import dev.tagline.triggers.api.Views.WebhookView;
import dev.tagline.triggers.domain.FiringRules;
import dev.tagline.triggers.domain.FollowedTagRef;
import dev.tagline.triggers.domain.NotFoundException;
import dev.tagline.triggers.domain.Trigger;
import dev.tagline.triggers.store.ActionRepository;
import dev.tagline.triggers.store.DeliveryRepository;
import dev.tagline.triggers.store.FollowedTagRepository;
import dev.tagline.triggers.store.TriggerRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Reads triggers, their deliveries and the triggers a tag move would fire, and shapes them as the API shows them. */
@ApplicationScoped
public class TriggerViews {

    static final int RECENT_DELIVERIES = 10;

    private final TriggerRepository triggers;
    private final FollowedTagRepository followedTags;
    private final DeliveryRepository deliveries;
    private final ActionRepository actions;

    public TriggerViews(TriggerRepository triggers, FollowedTagRepository followedTags,
            DeliveryRepository deliveries, ActionRepository actions) {
        this.triggers = triggers;
        this.followedTags = followedTags;
        this.deliveries = deliveries;
        this.actions = actions;
    }

    @WithSession
    public Uni<TriggerView> get(String namespace, String name) {
        return existing(namespace, name).chain(trigger -> followedTags.current(trigger.from())
                .chain(current -> deliveries.page(trigger.id, null, RECENT_DELIVERIES)
                        .map(recent -> TriggerView.of(trigger, params(trigger), current.orElse(null), recent))));
    }

    /** The namespace's triggers, by name, without their deliveries. */
    @WithSession
    public Uni<List<TriggerView>> list(String namespace) {
        return triggers.listInNamespace(namespace).chain(found -> Multi.createFrom().iterable(found)
                .onItem().transformToUniAndConcatenate(trigger -> followedTags.current(trigger.from())
                        .map(current -> TriggerView.of(trigger, params(trigger), current.orElse(null), null)))
                .collect().asList());
    }

    /** A trigger's deliveries, newest first, older than {@code beforeId} when given. */
    @WithSession
    public Uni<List<DeliveryView>> deliveries(String namespace, String name, Long beforeId, int limit) {
        return existing(namespace, name).chain(trigger -> deliveries.page(trigger.id, beforeId, limit))
                .map(page -> page.stream().map(DeliveryView::of).toList());
    }

    /**
     * Every trigger, in any namespace, that follows the tag, and whether it would fire if the tag moved to
     * {@code digest} (to an image none of them has seen, when null).
     */
    @WithSession
    public Uni<ImpactView> impact(FollowedTagRef tag, String digest) {
        String previewed = digest == null || digest.isBlank() ? null : validDigest(digest);
        return followedTags.current(tag).chain(current -> triggers.following(tag)
                .chain(followers -> Multi.createFrom().iterable(followers)
                        .onItem().transformToUniAndConcatenate(trigger -> affected(trigger, previewed))
                        .collect().asList())
                .map(affected -> new ImpactView(tag.namespace(), tag.imageStream() + ":" + tag.tag(),
                        current.map(TagImageView::of).orElse(null), previewed, affected)));
    }

    private Uni<AffectedTriggerView> affected(Trigger trigger, String digest) {
        Uni<Boolean> firedBefore = digest == null ? Uni.createFrom().item(false) : actions.exists(trigger.id, digest);
        return firedBefore.map(fired -> {
            var reason = FiringRules.reasonNotToFire(trigger, digest, fired);
            return new AffectedTriggerView(trigger.namespace, trigger.name, trigger.kind, trigger.paused,
                    trigger.webhookUrl == null ? null : new WebhookView(trigger.webhookUrl), reason.isEmpty(),
                    reason.orElse(null));
        });
    }

    private Uni<Trigger> existing(String namespace, String name) {
        return triggers.findByName(namespace, name).map(trigger -> {
            if (trigger == null) {
                throw new NotFoundException("name", "trigger " + namespace + "/" + name + " not found");
            }
            return trigger;
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> params(Trigger trigger) {
        return EventJson.read(trigger.params, Map.class);
    }

    private static String validDigest(String digest) {
        try {
            return Digest.parse(digest).toString();
        } catch (InvalidReferenceException e) {
            throw new InvalidRequestException("digest", e.getMessage());
        }
    }
}
