package dev.tagline.gateway.domain;

import dev.tagline.gateway.auth.UnauthorizedException;
import dev.tagline.gateway.messaging.BrokerUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Counts, per configured source, the events published (by type), the events ignored and the webhooks refused (by
 * reason). Requests to unknown sources only show in the HTTP server metrics, so that callers cannot invent tags.
 */
@ApplicationScoped
public class WebhookMetrics {

    private static final String PUBLISHED = "tagline.gateway.events.published";
    private static final String IGNORED = "tagline.gateway.events.ignored";
    private static final String REFUSED = "tagline.gateway.webhooks.refused";

    private final MeterRegistry registry;

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void published(String source, List<OutgoingEvent> events, int ignored) {
        for (OutgoingEvent event : events) {
            registry.counter(PUBLISHED, "source", source, "type", event.type().type())
                    .increment();
        }
        if (ignored > 0) {
            registry.counter(IGNORED, "source", source).increment(ignored);
        }
    }

    void refused(String source, Throwable failure) {
        registry.counter(REFUSED, "source", source, "reason", reason(failure)).increment();
    }

    private static String reason(Throwable failure) {
        if (failure instanceof UnauthorizedException) {
            return "unauthorized";
        }
        if (failure instanceof UnsupportedContentTypeException) {
            return "unsupported-media-type";
        }
        if (failure instanceof InvalidPayloadException) {
            return "invalid-payload";
        }
        if (failure instanceof BrokerUnavailableException) {
            return "kafka-unavailable";
        }
        return "error";
    }
}
