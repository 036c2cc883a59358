package dev.tagline.benchmarks;

import dev.tagline.testkit.DistributionPushes;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.UUID;

/** Distribution's push notifications as the Vert.x client posts them, each push with an event id of its own. */
public final class DistributionWebhooks {

    private DistributionWebhooks() {}

    public static MultiMap headers(String bearerToken) {
        return MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", DistributionPushes.MEDIA_TYPE)
                .add("Authorization", "Bearer " + bearerToken);
    }

    public static Buffer push(String registryHost, String repository, String tag, String digest) {
        return Buffer.buffer(DistributionPushes.envelope(
                UUID.randomUUID().toString(), "tagline-bench", registryHost, repository, tag, digest));
    }

    /** A well-formed digest unique to {@code seed}. */
    public static String digestOf(String seed) {
        return "sha256:" + Sha256.hex(seed);
    }
}
