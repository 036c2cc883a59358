package dev.tagline.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * {@code dev.tagline.registry.tag.changed}: a registry tag was seen pointing at a digest.
 *
 * @param mediaType of the manifest or index, null when the source did not say
 * @param size bytes of the manifest or index, null when the source did not say
 * @param platforms the children of an index, empty for a single manifest
 * @param target set by an on-demand import: the stream tag to create or move, null otherwise
 */
public record RegistryTagChanged(
        String registry,
        String repository,
        String tag,
        String digest,
        String mediaType,
        Long size,
        List<Platform> platforms,
        Instant observedAt,
        Origin origin,
        StreamTagRef target) {

    public RegistryTagChanged {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }

    /** The Kafka key: {@code registry/repository:tag}. */
    @JsonIgnore
    public String key() {
        return RegistryKeys.tagKey(registry, repository, tag);
    }
}
