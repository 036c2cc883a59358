package dev.tagline.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body declared larger than {@code quarkus.http.limits.max-body-size} with 413 and a JSON error before
 * reading any of it. A body without a declared length that grows past the limit is cut off by the HTTP server's own
 * limit, which follows the same setting; a resource that reads such a body itself can measure it with
 * {@link #maxBytes()}.
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final int BEFORE_EVERY_ROUTE = 1000;

    private final long maxBytes;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    /** The refusal's message, also for a resource that finds an undeclared body too large once read. */
    public static String message(long maxBytes) {
        return "the body is larger than " + maxBytes + " bytes";
    }

    public long maxBytes() {
        return maxBytes;
    }

    void register(@Observes Filters filters) {
        String refusal = new JsonObject()
                .put("error", message(maxBytes))
                .put("field", "body")
                .encode();
        filters.register(
                context -> {
                    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
                    if (length != null && declaredLength(length) > maxBytes) {
                        context.response()
                                .setStatusCode(413)
                                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                                .putHeader(HttpHeaders.CONNECTION, "close")
                                .end(refusal);
                        return;
                    }
                    context.next();
                },
                BEFORE_EVERY_ROUTE);
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
