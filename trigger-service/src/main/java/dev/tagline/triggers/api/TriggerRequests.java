package dev.tagline.triggers.api;

import dev.tagline.events.StreamTagRef;
import dev.tagline.events.TriggerActionRequested;
import dev.tagline.triggers.domain.InvalidTriggerException;
import dev.tagline.triggers.domain.KindColumn;
import dev.tagline.triggers.domain.TriggerSpec;
import dev.tagline.triggers.domain.WebhookSecret;
import dev.tagline.triggers.domain.WebhookSpec;
import dev.tagline.triggers.domain.WebhookUrl;
import dev.tagline.web.InvalidRequestException;
import dev.tagline.web.RequestBodies;
import java.util.Map;
import java.util.Optional;

/** Checks a {@link TriggerRequest} field by field and makes it a {@link TriggerSpec}; errors name the JSON path. */
final class TriggerRequests {

    static final String IMAGE_STREAM_TAG = "ImageStreamTag";

    private TriggerRequests() {}

    /**
     * @param pathName the name in the request path, for a replacement; the body may repeat it or leave it out
     */
    static TriggerSpec toSpec(String namespace, TriggerRequest request, String pathName) {
        TriggerRequest body = RequestBodies.required(request);
        String name;
        if (pathName == null) {
            name = PathNames.label("name", body.name());
        } else {
            if (body.name() != null && !body.name().equals(pathName)) {
                throw new InvalidRequestException(
                        "name", "the body names " + body.name() + " but the path " + pathName);
            }
            name = pathName;
        }
        return new TriggerSpec(
                name,
                kind(body.kind()),
                from(namespace, body.from()),
                body.params() == null ? Map.of() : body.params(),
                webhook(body.webhook()),
                Boolean.TRUE.equals(body.paused()),
                Boolean.TRUE.equals(body.fireForCurrentImage()));
    }

    private static TriggerActionRequested.Kind kind(String kind) {
        try {
            return KindColumn.ofText(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidTriggerException("kind", "kind must be build or deploy");
        }
    }

    private static StreamTagRef from(String namespace, TriggerRequest.From from) {
        if (from == null) {
            throw new InvalidTriggerException(
                    "from",
                    "a trigger follows an image stream tag: "
                            + "{\"kind\":\"ImageStreamTag\",\"name\":\"stream:tag\"}");
        }
        if (!IMAGE_STREAM_TAG.equals(from.kind())) {
            throw new InvalidTriggerException("from.kind", "a trigger follows an " + IMAGE_STREAM_TAG);
        }
        String fromNamespace =
                from.namespace() == null ? namespace : PathNames.label("from.namespace", from.namespace());
        return PathNames.streamTag("from.name", fromNamespace, from.name());
    }

    private static Optional<WebhookSpec> webhook(TriggerRequest.Webhook webhook) {
        if (webhook == null) {
            return Optional.empty();
        }
        WebhookUrl url = WebhookUrl.parse(webhook.url());
        Optional<WebhookSecret> secret =
                webhook.secret() == null ? Optional.empty() : Optional.of(WebhookSecret.parse(webhook.secret()));
        return Optional.of(new WebhookSpec(url, secret));
    }
}
