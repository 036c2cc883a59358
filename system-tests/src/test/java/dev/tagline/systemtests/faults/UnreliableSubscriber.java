package dev.tagline.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.tagline.events.EventJson;
import dev.tagline.testkit.FakeHttpServer;
import dev.tagline.testkit.StandardWebhooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A subscriber's webhook endpoint that misbehaves as real ones do: it answers 500 to one delivery attempt in five and
 * holds one in twenty past the trigger-service's request timeout, and 204 to the rest. It checks every signature and
 * keeps, for each trigger and digest, the {@code webhook-id}s it was sent and whether one attempt succeeded.
 */
final class UnreliableSubscriber implements AutoCloseable {

    /** What arrived for one trigger's action on one digest. */
    record Arrivals(Set<String> webhookIds, boolean delivered) {}

    private final String secret;
    private final Duration hang;
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();
    private final Map<String, Set<String>> webhookIds = new ConcurrentHashMap<>();
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();

    private final FakeHttpServer server;

    private UnreliableSubscriber(String secret, Duration hang) {
        this.secret = secret;
        this.hang = hang;
        // Enough threads that the held attempts do not hold up the others.
        server = FakeHttpServer.start(Map.of("/", this::receive), 32);
    }

    /** @param hang how long the held attempts are held: longer than the trigger-service waits */
    static UnreliableSubscriber start(String secret, Duration hang) {
        return new UnreliableSubscriber(secret, hang);
    }

    String url() {
        return "http://" + server.host() + "/hook";
    }

    Arrivals arrivals(String trigger, String digest) {
        String key = trigger + "@" + digest;
        return new Arrivals(Set.copyOf(webhookIds.getOrDefault(key, Set.of())), delivered.contains(key));
    }

    long attempts() {
        return attempts.get();
    }

    long badSignatures() {
        return badSignatures.get();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            long attempt = attempts.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            String webhookId = headers.getFirst("webhook-id");
            if (!StandardWebhooks.isSigned(
                    secret,
                    webhookId,
                    headers.getFirst("webhook-timestamp"),
                    body,
                    headers.getFirst("webhook-signature"))) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            JsonNode event = EventJson.mapper().readTree(body);
            String key = event.at("/data/trigger/name").asText() + "@"
                    + event.at("/data/image/digest").asText();
            webhookIds
                    .computeIfAbsent(key, ignored -> ConcurrentHashMap.newKeySet())
                    .add(webhookId);
            if (attempt % 20 == 0) {
                Thread.sleep(hang.toMillis());
                exchange.sendResponseHeaders(204, -1);
            } else if (attempt % 5 == 0) {
                exchange.sendResponseHeaders(500, -1);
            } else {
                delivered.add(key);
                exchange.sendResponseHeaders(204, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
