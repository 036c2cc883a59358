package dev.tagline.imports;

import com.sun.net.httpserver.HttpExchange;
import dev.tagline.testkit.FakeHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays a registry that answers manifest requests without {@code Docker-Content-Digest}, as some older registries
 * do: the digest can only be computed from the body. Records the methods it was asked with.
 */
final class DigestlessRegistry implements AutoCloseable {

    static final String MEDIA_TYPE = "application/vnd.docker.distribution.manifest.v2+json";

    private static final byte[] MANIFEST = ("{\"schemaVersion\":2,\"mediaType\":\"" + MEDIA_TYPE + "\",\"config\":{"
                    + "\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"digest\":\"sha256:"
                    + "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\",\"size\":2},\"layers\":[]}")
            .getBytes(StandardCharsets.UTF_8);

    private final FakeHttpServer server;
    private final List<String> methods = new CopyOnWriteArrayList<>();

    private DigestlessRegistry() {
        server = FakeHttpServer.start(Map.of("/v2/", this::manifest));
    }

    static DigestlessRegistry start() {
        return new DigestlessRegistry();
    }

    String host() {
        return server.host();
    }

    /** The sha256 of the manifest it serves. */
    String digest() {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(MANIFEST));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> methods() {
        return List.copyOf(methods);
    }

    private void manifest(HttpExchange exchange) throws IOException {
        methods.add(exchange.getRequestMethod());
        exchange.getResponseHeaders().set("Content-Type", MEDIA_TYPE);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(200, -1);
        } else {
            exchange.sendResponseHeaders(200, MANIFEST.length);
            exchange.getResponseBody().write(MANIFEST);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.close();
    }
}
