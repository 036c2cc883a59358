package dev.tagline.triggers.domain;

/** An image stream tag's image at one generation: what a trigger fires for. */
public record TagImage(FollowedTagRef tag, String digest, String dockerImageReference, long generation) {
}
