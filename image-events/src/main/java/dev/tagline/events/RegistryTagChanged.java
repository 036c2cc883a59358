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
        Target target) {

    public RegistryTagChanged {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }

    /** The Kafka key: {@code registry/repository:tag}. */
    @JsonIgnore
    public String key() {
        return RegistryKeys.tagKey(registry, repository, tag);
    }

    /**
     * The stream tag an on-demand import fills, and how its spec tag should import from then on.
     *
     * @param importPolicy becomes the spec tag's import policy; null keeps the tag's own (the default for a new tag)
     * @param referencePolicy becomes the spec tag's reference policy; null keeps the tag's own ({@code Source} for a
     *     new tag)
     */
    public record Target(
            String namespace,
            String imageStream,
            String tag,
            ImportPolicy importPolicy,
            ReferencePolicy referencePolicy) {

        /** A target that leaves the tag's policies as they are. */
        public static Target of(StreamTagRef streamTag) {
            return new Target(streamTag.namespace(), streamTag.imageStream(), streamTag.tag(), null, null);
        }

        @JsonIgnore
        public StreamTagRef streamTag() {
            return new StreamTagRef(namespace, imageStream, tag);
        }
    }
}
