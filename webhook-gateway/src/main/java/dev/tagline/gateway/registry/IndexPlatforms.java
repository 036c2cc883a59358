package dev.tagline.gateway.registry;

import dev.tagline.events.Platform;
import dev.tagline.events.oci.IndexManifest;
import dev.tagline.events.reference.Digest;
import dev.tagline.gateway.config.GatewayConfig;
import dev.tagline.web.Secret;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads an image index from its registry for the platforms of its children, which push notifications do not
 * carry, as image-events' {@link IndexManifest} reads them (the import-service reads them the same way). A lookup that fails (registry unreachable, unauthorised, slow, or content that does not match its digest)
 * yields no platforms rather than holding up the event: the tag move matters more than its platforms, and a
 * notification we refused for it would be retried by the registry for ever.
 */
@ApplicationScoped
public class IndexPlatforms {

    private static final Logger LOG = Logger.getLogger(IndexPlatforms.class);
    /** Distribution refuses manifests above 4 MiB. */
    private static final long MAX_MANIFEST_BYTES = 4L * 1024 * 1024;

    private static final String ACCEPT = String.join(
            ", ",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json");

    private final HttpClient http;
    private final Duration timeout;

    public IndexPlatforms(Vertx vertx, GatewayConfig config) {
        this.timeout = config.indexLookupTimeout();
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setKeepAlive(true));
    }

    /**
     * @param credentials sent as Basic authentication; only for URLs under the configured {@code registry-url}
     * @return the platforms of the index, none when it cannot be read
     */
    public Uni<List<Platform>> of(URI manifestUrl, String digest, Optional<Secret> credentials) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(manifestUrl.toString())
                .putHeader("Accept", ACCEPT)
                .setIdleTimeout(timeout.toMillis());
        credentials.ifPresent(secret -> request.putHeader(
                "Authorization", "Basic " + Base64.getEncoder().encodeToString(secret.utf8())));
        return http.request(request)
                .chain(sent -> sent.send())
                .chain(IndexPlatforms::body)
                .map(body -> parse(body, digest))
                .ifNoItem()
                .after(timeout)
                .fail()
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf(
                            "Publishing %s of %s without platforms: reading the index failed: %s",
                            digest, manifestUrl.getHost(), failure.toString());
                    return List.of();
                });
    }

    /** The platforms of an index manifest whose bytes must hash to {@code digest}. */
    static List<Platform> parse(byte[] manifest, String digest) {
        Digest expected = Digest.parse(digest);
        if (!expected.algorithm().equals("sha256")) {
            throw new IllegalStateException("cannot verify a " + expected.algorithm() + " digest");
        }
        if (!expected.hex().equals(sha256Hex(manifest))) {
            throw new IllegalStateException("the manifest read does not match " + digest);
        }
        return IndexManifest.platforms(manifest);
    }

    @PreDestroy
    void close() {
        http.closeAndAwait();
    }

    private static Uni<byte[]> body(HttpClientResponse response) {
        if (response.statusCode() != 200) {
            return Uni.createFrom().failure(new IllegalStateException("HTTP " + response.statusCode()));
        }
        String length = response.getHeader("Content-Length");
        if (length != null && Long.parseLong(length.trim()) > MAX_MANIFEST_BYTES) {
            return Uni.createFrom().failure(new IllegalStateException("a manifest of " + length + " bytes"));
        }
        return response.body().map(buffer -> buffer.getBytes());
    }

    private static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
