package dev.tagline.tags.domain;

import dev.tagline.events.EventJson;
import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import java.util.List;

/** What one policy asks of the tags of its namespace's streams, as the move paths read it. */
public record PolicyRule(String namespace, List<String> streams, List<TrustedKey> keys) {

    /** From the stored columns of {@code image_policies}, JSON arrays. */
    public static PolicyRule of(String namespace, String streamsJson, String publicKeysJson) {
        return new PolicyRule(
                namespace,
                List.of(EventJson.read(streamsJson, String[].class)),
                List.of(EventJson.read(publicKeysJson, TrustedKey[].class)));
    }

    public boolean covers(String namespace, String stream) {
        return this.namespace.equals(namespace)
                && (streams.contains(ImagePolicy.ALL_STREAMS) || streams.contains(stream));
    }
}
