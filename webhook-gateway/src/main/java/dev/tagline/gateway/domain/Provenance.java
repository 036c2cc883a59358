package dev.tagline.gateway.domain;

import java.time.Instant;

/**
 * Who reported an observation and when, and the identity that keeps a sender's retries from counting twice.
 *
 * @param eventId the {@code ce_id}: the same for every delivery of the same registry event
 * @param sourceEventId the registry's own event id, null when it gave none
 * @param actor who pushed or deleted, null when the registry did not say
 */
public record Provenance(String eventId, String sourceEventId, Instant observedAt, String actor) {}
