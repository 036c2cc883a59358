package dev.tagline.gateway.domain;

/** One thing a webhook reported about a registry tag, ready to become exactly one event. */
public sealed interface Observation permits TagPushed, TagDeleted, TagNamed {

    Provenance provenance();

    /** The event to publish, attributed to the gateway source {@code source}. */
    OutgoingEvent toEvent(String source);
}
