package dev.tagline.triggers.domain;

import dev.tagline.events.StreamTagRef;

/**
 * Whether whoever creates or changes a trigger may make it follow a tag, such as one in a namespace they cannot
 * view. Refuses by throwing an exception the API answers.
 */
@FunctionalInterface
public interface FollowCheck {

    void require(StreamTagRef tag);
}
