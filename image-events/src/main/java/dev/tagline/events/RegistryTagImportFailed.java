package dev.tagline.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * {@code dev.tagline.registry.tag.import-failed}: an import could not resolve a registry tag.
 * Published once per change of failure state, not once per attempt.
 *
 * @param target the stream tag an on-demand import was asked to fill, null for a scheduled import
 */
public record RegistryTagImportFailed(
        String registry,
        String repository,
        String tag,
        ImportFailureReason reason,
        String message,
        Instant observedAt,
        Origin origin,
        StreamTagRef target) {

    /** The Kafka key: {@code registry/repository:tag}. */
    @JsonIgnore
    public String key() {
        return RegistryKeys.tagKey(registry, repository, tag);
    }
}
