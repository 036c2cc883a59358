package dev.tagline.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.events.EventJson;
import dev.tagline.testkit.StandardWebhooks;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Subscribers' webhook endpoints, each on a port of its own as separate receivers would be: each checks every
 * delivery's Standard Webhooks signature, hands the image digest of the action to the benchmark, and answers 204.
 * Non-blocking, so that they are never what delays a delivery.
 */
final class SignedWebhookSink implements AutoCloseable {

    private final List<HttpServer> servers;

    private SignedWebhookSink(List<HttpServer> servers) {
        this.servers = servers;
    }

    /** @param onDelivery called with the delivered action's image digest and whether its signature was right */
    static SignedWebhookSink start(
            Vertx vertx, int subscribers, String secret, BiConsumer<String, Boolean> onDelivery) {
        List<HttpServer> servers = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            HttpServer server = vertx.createHttpServer(
                            new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                    .requestHandler(request -> request.body().onSuccess(body -> {
                        String raw = body.toString();
                        boolean signed = StandardWebhooks.isSigned(
                                secret,
                                request.getHeader("webhook-id"),
                                request.getHeader("webhook-timestamp"),
                                raw,
                                request.getHeader("webhook-signature"));
                        onDelivery.accept(digestIn(raw), signed);
                        request.response().setStatusCode(204).end();
                    }));
            try {
                servers.add(server.listen()
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS));
            } catch (Exception e) {
                servers.forEach(HttpServer::close);
                throw new IllegalStateException("Could not start the webhook sink", e);
            }
        }
        return new SignedWebhookSink(servers);
    }

    /** A URL of subscriber {@code subscriber}, modulo their number. */
    String url(int subscriber, String path) {
        return "http://127.0.0.1:" + servers.get(subscriber % servers.size()).actualPort() + path;
    }

    /** The delivery is the structured CloudEvent whose data is the trigger action. */
    private static String digestIn(String delivery) {
        try {
            JsonNode event = EventJson.mapper().readTree(delivery);
            return event.at("/data/image/digest").asText();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        servers.forEach(HttpServer::close);
    }
}
