package dev.tagline.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.tagline.events.EventJson;
import dev.tagline.testkit.FakeHttpServer;
import dev.tagline.testkit.StandardWebhooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A subscriber's webhook endpoint on 127.0.0.1: answers every POST 204 and keeps what arrived, with the moment it
 * arrived, to check its Standard Webhooks signature and content afterwards.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One POST as received: the raw body (what the signature covers), its signature headers and its arrival. */
    record Delivery(
            Instant receivedAt,
            String contentType,
            String webhookId,
            String webhookTimestamp,
            String webhookSignature,
            String rawBody) {

        JsonNode event() {
            try {
                return EventJson.mapper().readTree(rawBody);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean isSignedWith(String secret) {
            return StandardWebhooks.isSigned(secret, webhookId, webhookTimestamp, rawBody, webhookSignature);
        }

        /** Whether the signed timestamp is recent, as a receiver checks against replays. */
        boolean isFresh(Duration tolerance) {
            long signedAt = Long.parseLong(webhookTimestamp);
            return Math.abs(Instant.now().getEpochSecond() - signedAt) <= tolerance.toSeconds();
        }
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final FakeHttpServer server;

    private WebhookReceiver() {
        server = FakeHttpServer.start(Map.of("/", this::receive), 4);
    }

    static WebhookReceiver start() {
        return new WebhookReceiver();
    }

    String url(String path) {
        return "http://" + server.host() + path;
    }

    /** What arrived for one trigger, in order of arrival. */
    List<Delivery> deliveriesFor(String triggerName) {
        return deliveries.stream()
                .filter(delivery -> triggerName.equals(
                        delivery.event().at("/data/trigger/name").asText()))
                .toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        Instant receivedAt = Instant.now();
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            deliveries.add(new Delivery(
                    receivedAt,
                    headers.getFirst("Content-Type"),
                    headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"),
                    body));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
