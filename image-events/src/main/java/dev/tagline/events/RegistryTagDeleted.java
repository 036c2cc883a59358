package dev.tagline.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * {@code dev.tagline.registry.tag.deleted}: a tag, or a manifest by digest, was deleted in a registry.
 * A registry deleting a manifest names the digest without a tag, and then each tag without a digest.
 *
 * @param tag null when the registry only named the digest
 * @param digest null when the registry only named the tag
 */
public record RegistryTagDeleted(
        String registry, String repository, String tag, String digest, Instant observedAt, Origin origin) {

    /** The Kafka key: {@code registry/repository:tag}, or {@code registry/repository} without a tag. */
    @JsonIgnore
    public String key() {
        return RegistryKeys.tagKey(registry, repository, tag);
    }
}
