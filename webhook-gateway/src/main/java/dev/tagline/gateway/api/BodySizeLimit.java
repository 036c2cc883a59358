package dev.tagline.gateway.api;

import dev.tagline.gateway.config.GatewayConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body declared larger than {@code tagline.gateway.max-body-size} with 413 and a JSON error before
 * reading any of it. A body without a declared length is measured once read (see {@link WebhookResource}); one that
 * grows past the HTTP server's own limit, which follows the same setting, is cut off there.
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final int BEFORE_EVERY_ROUTE = 1000;

    private final long maxBytes;

    public BodySizeLimit(GatewayConfig config) {
        this.maxBytes = config.maxBodySize().asLongValue();
    }

    static String message(long maxBytes) {
        return "the body is larger than " + maxBytes + " bytes";
    }

    void register(@Observes Filters filters) {
        String refusal = new JsonObject().put("error", message(maxBytes)).put("field", "body").encode();
        filters.register(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && declaredLength(length) > maxBytes) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(refusal);
                return;
            }
            context.next();
        }, BEFORE_EVERY_ROUTE);
    }

    long maxBytes() {
        return maxBytes;
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
