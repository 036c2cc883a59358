package dev.tagline.triggers.domain;

import dev.tagline.events.EventJson;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.TriggerActionRequested;
import java.util.Map;
import java.util.Optional;

/**
 * What a user asks a trigger to be, validated.
 *
 * @param params subscriber-defined, passed through to every action
 * @param fireForCurrentImage when this request makes the trigger follow a tag (creation, or a new
 *     {@code from}), fire once for the image the tag already points at instead of waiting for the next one
 */
public record TriggerSpec(
        String name,
        TriggerActionRequested.Kind kind,
        StreamTagRef from,
        Map<String, Object> params,
        Optional<WebhookSpec> webhook,
        boolean paused,
        boolean fireForCurrentImage) {

    public String paramsJson() {
        return EventJson.write(params);
    }

    public TriggerSpec withWebhook(WebhookSpec replaced) {
        return new TriggerSpec(name, kind, from, params, Optional.of(replaced), paused, fireForCurrentImage);
    }
}
