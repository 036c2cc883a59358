package dev.tagline.triggers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.TriggerActionRequested;
import dev.tagline.triggers.domain.Delivery;
import dev.tagline.triggers.domain.DeliveryStatus;
import dev.tagline.triggers.domain.TagImage;
import dev.tagline.triggers.domain.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes the API answers with. None of them holds a webhook secret. */
final class Views {

    private Views() {}

    /**
     * A trigger as the API shows it.
     *
     * @param currentImage the followed tag's newest image as this service last heard of it; null before then
     * @param recentDeliveries the newest deliveries, when one trigger is read; left out of lists
     */
    record TriggerView(
            String namespace,
            String name,
            TriggerActionRequested.Kind kind,
            FromView from,
            Map<String, Object> params,
            WebhookView webhook,
            boolean paused,
            TriggeredImageView lastTriggeredImage,
            TagImageView currentImage,
            Instant createdAt,
            Instant updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<DeliveryView> recentDeliveries) {

        static TriggerView of(
                Trigger trigger, Map<String, Object> params, TagImage current, List<Delivery> recentDeliveries) {
            return new TriggerView(
                    trigger.namespace,
                    trigger.name,
                    trigger.kind,
                    FromView.of(trigger.from()),
                    params,
                    trigger.webhookUrl == null ? null : new WebhookView(trigger.webhookUrl),
                    trigger.paused,
                    trigger.lastTriggeredDigest == null
                            ? null
                            : new TriggeredImageView(
                                    trigger.lastTriggeredDigest,
                                    trigger.lastTriggeredReference,
                                    trigger.lastTriggeredAt),
                    current == null ? null : TagImageView.of(current),
                    trigger.createdAt,
                    trigger.updatedAt,
                    recentDeliveries == null
                            ? null
                            : recentDeliveries.stream().map(DeliveryView::of).toList());
        }
    }

    /** {@code {"kind":"ImageStreamTag","namespace":"team-a","name":"app:v1"}}. */
    record FromView(String kind, String namespace, String name) {

        static FromView of(StreamTagRef tag) {
            return new FromView(TriggerRequests.IMAGE_STREAM_TAG, tag.namespace(), tag.imageStream() + ":" + tag.tag());
        }
    }

    /** A webhook without its secret, which is write-only. */
    record WebhookView(String url) {}

    record TriggeredImageView(String digest, String dockerImageReference, Instant triggeredAt) {}

    record TagImageView(String digest, String dockerImageReference, long generation) {

        static TagImageView of(TagImage image) {
            return new TagImageView(image.digest(), image.dockerImageReference(), image.generation());
        }
    }

    /**
     * One webhook delivery.
     *
     * @param webhookId sent as {@code webhook-id} on every attempt: subscribers dedupe on it
     */
    record DeliveryView(
            long id,
            String webhookId,
            String digest,
            DeliveryStatus status,
            int attempts,
            Instant createdAt,
            Instant lastAttemptAt,
            Instant nextAttemptAt,
            Integer lastStatusCode,
            String lastError,
            Instant deliveredAt) {

        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(
                    delivery.id,
                    delivery.webhookId,
                    delivery.digest,
                    delivery.status,
                    delivery.attempts,
                    delivery.createdAt,
                    delivery.lastAttemptAt,
                    delivery.nextAttemptAt,
                    delivery.lastStatusCode,
                    delivery.lastError,
                    delivery.deliveredAt);
        }
    }

    /**
     * What would fire if the tag moved.
     *
     * @param digest the image previewed; null for "an image no trigger has seen"
     * @param triggers the followers in namespaces the caller may view
     * @param hiddenTriggers how many more follow the tag from namespaces the caller may not view
     */
    record ImpactView(
            String namespace,
            String name,
            TagImageView currentImage,
            String digest,
            List<AffectedTriggerView> triggers,
            int hiddenTriggers) {}

    /** @param reason why it would not fire; null when it would */
    record AffectedTriggerView(
            String namespace,
            String name,
            TriggerActionRequested.Kind kind,
            boolean paused,
            WebhookView webhook,
            boolean wouldFire,
            String reason) {}
}
