package dev.tagline.gateway.registry;

import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.WebhookRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Webhook requests built from the fixtures under {@code src/test/resources/formats}, as a format receives them. */
final class Webhooks {

    static final Instant RECEIVED = Instant.parse("2025-11-23T14:00:00Z");

    private Webhooks() {}

    static byte[] fixture(String path) {
        try (InputStream in = Webhooks.class.getResourceAsStream("/formats/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(fixture(path), StandardCharsets.UTF_8);
    }

    static WebhookRequest request(byte[] body, String contentType, Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return new WebhookRequest("test", byName::get, null, contentType, body, RECEIVED);
    }

    /** A delivery to a source with nothing configured beyond its format. */
    static Delivery delivery(WebhookRequest request) {
        return new Delivery(request, Optional.empty(), Optional.empty());
    }

    static Reading read(WebhookFormat format, String fixture) {
        return read(format, fixture(fixture), Map.of());
    }

    static Reading read(WebhookFormat format, byte[] body, Map<String, String> headers) {
        return format.read(delivery(request(body, MediaTypes.JSON, headers)));
    }

    static Reading readWithRegistry(WebhookFormat format, String fixture, String registry, URI registryUrl) {
        return format.read(new Delivery(
                request(fixture(fixture), MediaTypes.JSON, Map.of()),
                Optional.ofNullable(registry),
                Optional.ofNullable(registryUrl)));
    }
}
