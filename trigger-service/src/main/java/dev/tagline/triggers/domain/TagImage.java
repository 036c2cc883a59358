package dev.tagline.triggers.domain;

import dev.tagline.events.StreamTagRef;

/** An image stream tag's image at one generation: what a trigger fires for. */
public record TagImage(StreamTagRef tag, String digest, String dockerImageReference, long generation) {}
