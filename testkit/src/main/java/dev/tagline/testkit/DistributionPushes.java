package dev.tagline.testkit;

import java.time.Instant;

/**
 * The notification Distribution posts when a manifest is pushed to a tag, one event per envelope as a registry
 * sends each push, for load that plays a registry without running one. The digest need not exist: a
 * single-platform manifest's push is published as notified.
 */
public final class DistributionPushes {

    public static final String MEDIA_TYPE = "application/vnd.docker.distribution.events.v1+json";
    private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    private DistributionPushes() {}

    /**
     * @param eventId the event's id, also used as its request's id; keep it across retries of one push, as a
     *     registry does, so duplicates can be told from new pushes
     * @param sender names the registry instance (source) and its user agent, which tells whose load it was in the
     *     logs; the gateway reads neither
     */
    public static String envelope(
            String eventId, String sender, String registryHost, String repository, String tag, String digest) {
        return """
                {"events":[{"id":"%s","timestamp":"%s","action":"push","target":{"mediaType":"%s","size":1024,\
                "digest":"%s","length":1024,"repository":"%s","url":"http://%s/v2/%s/manifests/%s","tag":"%s"},\
                "request":{"id":"%s","addr":"127.0.0.1:40000","host":"%s","method":"PUT","useragent":"%s"},\
                "actor":{},"source":{"addr":"%s:5000","instanceID":"%s"}}]}""".formatted(
                        eventId,
                        Instant.now(),
                        MANIFEST,
                        digest,
                        repository,
                        registryHost,
                        repository,
                        digest,
                        tag,
                        eventId,
                        registryHost,
                        sender,
                        sender,
                        sender);
    }
}
