package dev.tagline.cli;

import com.sun.net.httpserver.HttpExchange;
import dev.tagline.testkit.FakeHttpServer;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on this machine that accepts every delivery and counts them. */
final class WebhookReceiver implements AutoCloseable {

    private final AtomicInteger received = new AtomicInteger();
    private final FakeHttpServer server;

    private WebhookReceiver() {
        server = FakeHttpServer.start(Map.of("/", this::accept));
    }

    static WebhookReceiver start() {
        return new WebhookReceiver();
    }

    String url(String path) {
        return "http://" + server.host() + path;
    }

    int received() {
        return received.get();
    }

    private void accept(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        received.incrementAndGet();
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.close();
    }
}
