package dev.tagline.imports;

import com.sun.net.httpserver.HttpExchange;
import dev.tagline.testkit.FakeHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays a registry that rate-limits: from the first manifest request on it answers 429 with
 * {@code Retry-After} for the given time, and afterwards serves the same OCI manifest digest for every tag. It
 * records when each request arrived, by its own clock.
 */
final class RateLimitedRegistry implements AutoCloseable {

    static final String DIGEST = "sha256:" + "ab".repeat(32);

    /** A manifest request: which repository, and when it arrived. */
    record Request(String repository, Instant at) {}

    private final FakeHttpServer server;
    private final Duration retryAfter;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Instant limitedUntil;

    private RateLimitedRegistry(Duration retryAfter) {
        this.retryAfter = retryAfter;
        server = FakeHttpServer.start(Map.of("/v2/", this::manifest));
    }

    static RateLimitedRegistry start(Duration retryAfter) {
        return new RateLimitedRegistry(retryAfter);
    }

    String host() {
        return server.host();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The end of the rate limit; null until the first request started it. */
    Instant limitedUntil() {
        return limitedUntil;
    }

    private synchronized void manifest(HttpExchange exchange) throws IOException {
        Instant now = Instant.now();
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(path.substring("/v2/".length(), path.indexOf("/manifests/")), now));
        if (limitedUntil == null) {
            limitedUntil = now.plus(retryAfter);
        }
        if (now.isBefore(limitedUntil)) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(retryAfter.toSeconds()));
            byte[] body = "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"slow down\"}]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(429, body.length);
            exchange.getResponseBody().write(body);
        } else {
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.oci.image.manifest.v1+json");
            exchange.getResponseHeaders().set("Docker-Content-Digest", DIGEST);
            exchange.sendResponseHeaders(200, -1);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.close();
    }
}
