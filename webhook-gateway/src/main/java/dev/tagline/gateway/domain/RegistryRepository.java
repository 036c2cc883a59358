package dev.tagline.gateway.domain;

/**
 * A repository in a registry, normalised as image references are: lowercase host, {@code docker.io} for Docker
 * Hub, official images under {@code library/}.
 */
public record RegistryRepository(String registry, String repository) {}
