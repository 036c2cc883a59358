package dev.tagline.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * {@code dev.tagline.import.requested}: a webhook named a tag but no digest (Quay, Docker Hub); the
 * import-service resolves the digest at once.
 */
public record ImportRequested(String registry, String repository, String tag, Instant requestedAt, Origin origin) {

    /** The Kafka key: {@code registry/repository:tag}. */
    @JsonIgnore
    public String key() {
        return RegistryKeys.tagKey(registry, repository, tag);
    }
}
