package dev.tagline.gateway.domain;

import dev.tagline.events.EventType;
import dev.tagline.events.Origin;
import dev.tagline.events.Platform;
import dev.tagline.events.RegistryTagChanged;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * A tag was pushed, or moved, to a digest: becomes {@code registry.tag.changed}.
 *
 * @param mediaType null when the webhook did not say
 * @param size null when the webhook did not say
 * @param manifestUrl where the gateway may read the manifest for an index's platforms; null when nowhere
 */
public record TagPushed(
        Provenance provenance,
        RegistryRepository repository,
        String tag,
        String digest,
        String mediaType,
        Long size,
        List<Platform> platforms,
        URI manifestUrl)
        implements Observation {

    private static final Set<String> INDEX_TYPES = Set.of(
            "application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json");

    public TagPushed {
        platforms = List.copyOf(platforms);
    }

    /** An index whose platforms the webhook did not list, but which the gateway can read. */
    public boolean lacksPlatforms() {
        return mediaType != null && INDEX_TYPES.contains(mediaType) && platforms.isEmpty() && manifestUrl != null;
    }

    public TagPushed withPlatforms(List<Platform> found) {
        return new TagPushed(provenance, repository, tag, digest, mediaType, size, found, manifestUrl);
    }

    @Override
    public OutgoingEvent toEvent(String source) {
        RegistryTagChanged data = new RegistryTagChanged(
                repository.registry(),
                repository.repository(),
                tag,
                digest,
                mediaType,
                size,
                platforms,
                provenance.observedAt(),
                new Origin(Origin.Kind.WEBHOOK, source, provenance.sourceEventId(), provenance.actor()),
                null);
        return OutgoingEvent.of(EventType.REGISTRY_TAG_CHANGED, data.key(), source, provenance, data);
    }
}
