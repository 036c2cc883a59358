package dev.tagline.gateway.domain;

import dev.tagline.events.EventType;
import dev.tagline.events.Origin;
import dev.tagline.events.RegistryTagDeleted;

/**
 * A tag, or a manifest by digest, was deleted: becomes {@code registry.tag.deleted}.
 *
 * @param tag null when the registry named only the digest
 * @param digest null when the registry named only the tag
 */
public record TagDeleted(Provenance provenance, RegistryRepository repository, String tag, String digest)
        implements Observation {

    @Override
    public OutgoingEvent toEvent(String source) {
        RegistryTagDeleted data = new RegistryTagDeleted(
                repository.registry(),
                repository.repository(),
                tag,
                digest,
                provenance.observedAt(),
                new Origin(Origin.Kind.WEBHOOK, source, provenance.sourceEventId(), provenance.actor()));
        return OutgoingEvent.of(EventType.REGISTRY_TAG_DELETED, data.key(), source, provenance, data);
    }
}
