package dev.tagline.triggers.api;

import dev.tagline.events.EventJson;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.InvalidReferenceException;
import dev.tagline.triggers.api.Views.AffectedTriggerView;
import dev.tagline.triggers.api.Views.DeliveryView;
import dev.tagline.triggers.api.Views.ImpactView;
import dev.tagline.triggers.api.Views.TagImageView;
import dev.tagline.triggers.api.Views.TriggerView;
import dev.tagline.triggers.api.Views.WebhookView;
import dev.tagline.triggers.domain.FiringRules;
import dev.tagline.triggers.domain.Trigger;
import dev.tagline.triggers.store.DeliveryRepository;
import dev.tagline.triggers.store.FollowedTagRepository;
import dev.tagline.triggers.store.TriggerRepository;
import dev.tagline.web.InvalidRequestException;
import dev.tagline.web.NotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads triggers, their deliveries and the triggers a tag move would fire, and shapes them as the API shows them. */
@ApplicationScoped
public class TriggerViews {

    static final int RECENT_DELIVERIES = 10;

    private final TriggerRepository triggers;
    private final FollowedTagRepository followedTags;
    private final DeliveryRepository deliveries;

    public TriggerViews(TriggerRepository triggers, FollowedTagRepository followedTags, DeliveryRepository deliveries) {
        this.triggers = triggers;
        this.followedTags = followedTags;
        this.deliveries = deliveries;
    }

    @WithSession
    public Uni<TriggerView> get(String namespace, String name) {
        return existing(namespace, name)
                .chain(trigger -> followedTags
                        .current(trigger.from())
                        .chain(current -> deliveries
                                .page(trigger.id, null, RECENT_DELIVERIES)
                                .map(recent ->
                                        TriggerView.of(trigger, params(trigger), current.orElse(null), recent))));
    }

    /** The namespace's triggers, by name, without their deliveries. */
    @WithSession
    public Uni<List<TriggerView>> list(String namespace) {
        return triggers.listInNamespace(namespace)
                .chain(found -> Multi.createFrom()
                        .iterable(found)
                        .onItem()
                        .transformToUniAndConcatenate(trigger -> followedTags
                                .current(trigger.from())
                                .map(current -> TriggerView.of(trigger, params(trigger), current.orElse(null), null)))
                        .collect()
                        .asList());
    }

    /** A trigger's deliveries, newest first, older than {@code beforeId} when given. */
    @WithSession
    public Uni<List<DeliveryView>> deliveries(String namespace, String name, Long beforeId, int limit) {
        return existing(namespace, name)
                .chain(trigger -> deliveries.page(trigger.id, beforeId, limit))
                .map(page -> page.stream().map(DeliveryView::of).toList());
    }

    /**
     * The triggers that follow the tag, from every namespace the caller may view, and whether each would fire
     * if the tag moved to {@code digest} (to an image none of them has seen, when null). Triggers in other
     * namespaces are only counted, so that their names do not leak.
     *
     * @param visible whether the caller may view a namespace
     */
    @WithSession
    public Uni<ImpactView> impact(StreamTagRef tag, String digest, Predicate<String> visible) {
        String previewed = digest == null || digest.isBlank() ? null : validDigest(digest);
        return followedTags
                .current(tag)
                .chain(current -> triggers.following(tag).map(followers -> {
                    List<AffectedTriggerView> shown = followers.stream()
                            .filter(trigger -> visible.test(trigger.namespace))
                            .map(trigger -> affected(trigger, previewed))
                            .toList();
                    return new ImpactView(
                            tag.namespace(),
                            tag.imageStream() + ":" + tag.tag(),
                            current.map(TagImageView::of).orElse(null),
                            previewed,
                            shown,
                            followers.size() - shown.size());
                }));
    }

    private static AffectedTriggerView affected(Trigger trigger, String digest) {
        var reason = FiringRules.reasonNotToFire(trigger, digest);
        return new AffectedTriggerView(
                trigger.namespace,
                trigger.name,
                trigger.kind,
                trigger.paused,
                trigger.webhookUrl == null ? null : new WebhookView(trigger.webhookUrl),
                reason.isEmpty(),
                reason.orElse(null));
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
