package dev.tagline.gateway.domain;

import dev.tagline.events.EventType;
import dev.tagline.events.ImportRequested;
import dev.tagline.events.Origin;

/** A webhook named a pushed tag but not its digest (Quay, Docker Hub): becomes {@code import.requested}. */
public record TagNamed(Provenance provenance, RegistryRepository repository, String tag) implements Observation {

    @Override
    public OutgoingEvent toEvent(String source) {
        ImportRequested data = new ImportRequested(
                repository.registry(),
                repository.repository(),
                tag,
                provenance.observedAt(),
                new Origin(Origin.Kind.WEBHOOK, source, provenance.sourceEventId(), provenance.actor()));
        return OutgoingEvent.of(EventType.IMPORT_REQUESTED, data.key(), source, provenance, data);
    }
}
