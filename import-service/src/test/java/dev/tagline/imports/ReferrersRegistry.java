package dev.tagline.imports;

import com.sun.net.httpserver.HttpExchange;
import dev.tagline.testkit.CosignSignatures;
import dev.tagline.testkit.FakeHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays an OCI 1.1 registry (the Distribution registry we run predates the referrers API) that holds an image's
 * cosign signatures only as a referrer: no {@code sha256-<hex>.sig} tag, a referrers index listing the signature
 * manifest beside an SBOM of another artifact type, and blobs served by a redirect to storage, as Docker Hub and
 * Quay serve them.
 */
final class ReferrersRegistry implements AutoCloseable {

    private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String COSIGN_SIGNATURE = "application/vnd.dev.cosign.artifact.sig.v1+json";

    private final FakeHttpServer server;
    /** Paths below {@code /v2/<repository>/} (or {@code /storage/}) and what they answer. */
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();

    private ReferrersRegistry() {
        server = FakeHttpServer.start(Map.of("/", this::answer));
    }

    static ReferrersRegistry start() {
        return new ReferrersRegistry();
    }

    String host() {
        return server.host();
    }

    /** Makes the signatures referrers of {@code digest} in {@code repository}. */
    void refer(String repository, String digest, List<CosignSignatures.Signature> signatures) {
        byte[] manifest = CosignSignatures.manifest(signatures);
        String manifestDigest = CosignSignatures.sha256(manifest);
        String index = "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":["
                + "{\"mediaType\":\"" + OCI_MANIFEST + "\",\"artifactType\":\"application/spdx+json\",\"size\":2,"
                + "\"digest\":\"sha256:" + "0".repeat(64) + "\"},"
                + "{\"mediaType\":\"" + OCI_MANIFEST + "\",\"artifactType\":\"" + COSIGN_SIGNATURE + "\",\"size\":"
                + manifest.length + ",\"digest\":\"" + manifestDigest + "\"}]}";
        documents.put("/v2/" + repository + "/referrers/" + digest, index.getBytes(StandardCharsets.UTF_8));
        documents.put("/v2/" + repository + "/manifests/" + manifestDigest, manifest);
        signatures.forEach(signature ->
                documents.put("/storage/" + CosignSignatures.sha256(signature.payload()), signature.payload()));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int blobs = path.indexOf("/blobs/");
        if (blobs > 0) {
            exchange.getResponseHeaders().set("Location", "/storage/" + path.substring(blobs + "/blobs/".length()));
            exchange.sendResponseHeaders(307, -1);
        } else if (documents.containsKey(path)) {
            byte[] body = documents.get(path);
            exchange.getResponseHeaders()
                    .set(
                            "Content-Type",
                            path.contains("/referrers/")
                                    ? OCI_INDEX
                                    : path.startsWith("/storage/") ? "application/octet-stream" : OCI_MANIFEST);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } else {
            exchange.sendResponseHeaders(404, -1);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.close();
    }
}
