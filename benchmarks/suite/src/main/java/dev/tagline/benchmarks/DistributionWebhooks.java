package dev.tagline.benchmarks;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.UUID;

/**
 * Notifications in the form Distribution sends them (one event per envelope, as a registry sends each push): a
 * manifest pushed to a tag. The digest need not exist: a single-platform manifest's push is published as notified.
 */
public final class DistributionWebhooks {

    public static final String MEDIA_TYPE = "application/vnd.docker.distribution.events.v1+json";
    private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    private DistributionWebhooks() {
    }

    public static MultiMap headers(String bearerToken) {
        return MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", MEDIA_TYPE)
                .add("Authorization", "Bearer " + bearerToken);
    }

    public static Buffer push(String registryHost, String repository, String tag, String digest) {
        return Buffer.buffer("""
                {"events":[{"id":"%s","timestamp":"%s","action":"push","target":{"mediaType":"%s","size":1024,\
                "digest":"%s","length":1024,"repository":"%s","url":"http://%s/v2/%s/manifests/%s","tag":"%s"},\
                "request":{"id":"%s","addr":"127.0.0.1:40000","host":"%s","method":"PUT","useragent":"tagline-bench"},\
                "actor":{},"source":{"addr":"bench:5000","instanceID":"tagline-bench"}}]}"""
                .formatted(UUID.randomUUID(), Instant.now(), MANIFEST, digest, repository, registryHost, repository,
                        digest, tag, UUID.randomUUID(), registryHost));
    }

    /** A well-formed digest unique to {@code seed}. */
    public static String digestOf(String seed) {
        return "sha256:" + Sha256.hex(seed);
    }
}
