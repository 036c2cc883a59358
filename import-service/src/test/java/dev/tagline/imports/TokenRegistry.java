package dev.tagline.imports;

import com.sun.net.httpserver.HttpExchange;
import dev.tagline.testkit.FakeHttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays a registry behind the Docker token protocol, as Docker Hub, Quay or GHCR are: manifest requests without a
 * token it issued get 401 with a {@code Bearer} challenge naming its token endpoint, which hands out tokens only
 * for Basic credentials {@link #USER}/{@link #PASSWORD}. Every repository has the same small OCI manifest.
 */
final class TokenRegistry implements AutoCloseable {

    static final String USER = "token-user";
    static final String PASSWORD = "token-s3cret";
    static final String SERVICE = "tagline-test-registry";
    static final String MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";

    private static final byte[] MANIFEST = ("{\"schemaVersion\":2,\"mediaType\":\"" + MEDIA_TYPE + "\",\"config\":{"
                    + "\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:"
                    + "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\",\"size\":2},\"layers\":[]}")
            .getBytes(StandardCharsets.UTF_8);

    private final FakeHttpServer server;
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger unauthorizedManifestRequests = new AtomicInteger();

    private TokenRegistry() {
        server = FakeHttpServer.start(Map.of("/token", this::token, "/v2/", this::manifest));
    }

    static TokenRegistry start() {
        return new TokenRegistry();
    }

    String host() {
        return server.host();
    }

    String digest() {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(MANIFEST));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    int tokenRequests() {
        return tokenRequests.get();
    }

    int unauthorizedManifestRequests() {
        return unauthorizedManifestRequests.get();
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        String expected =
                "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String query = exchange.getRequestURI().getQuery();
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || query == null
                || !query.contains("service=" + SERVICE)
                || !query.contains("scope=repository:")) {
            respond(exchange, 401, "{\"details\":\"bad credentials or request\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String token = UUID.randomUUID().toString();
        issued.add(token);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        respond(exchange, 200, ("{\"token\":\"" + token + "\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8));
    }

    private void manifest(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String repository = path.substring("/v2/".length(), path.indexOf("/manifests/"));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null
                || !authorization.startsWith("Bearer ")
                || !issued.contains(authorization.substring("Bearer ".length()))) {
            unauthorizedManifestRequests.incrementAndGet();
            URI realm = URI.create("http://" + host() + "/token");
            exchange.getResponseHeaders()
                    .set(
                            "WWW-Authenticate",
                            "Bearer realm=\"" + realm + "\",service=\"" + SERVICE + "\",scope=\"repository:"
                                    + repository + ":pull\"");
            respond(
                    exchange,
                    401,
                    "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}"
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", MEDIA_TYPE);
        exchange.getResponseHeaders().set("Docker-Content-Digest", digest());
        respond(exchange, 200, MANIFEST);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.close();
    }
}
