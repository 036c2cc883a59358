package dev.tagline.gateway.domain;

/** The answer to an accepted webhook: events published (and acknowledged by Kafka) and events ignored. */
public record Receipt(int accepted, int ignored) {}
