package dev.tagline.tags.domain;

import dev.tagline.events.StreamTagRef;
import dev.tagline.events.reference.ImageReference;

/** What a tag operation tags from. */
public sealed interface TagSource {

    /**
     * A registry image: the destinations follow it as a DockerImage spec tag.
     *
     * @param name as the client wrote it, which the spec keeps
     */
    record FromDockerImage(String name, ImageReference reference) implements TagSource {}

    /** Another stream tag: its image now (a snapshot), or the tag itself as it moves (an alias). */
    record FromStreamTag(StreamTagRef tag) implements TagSource {}

    /** An image from any tag history of a stream. */
    record FromStreamImage(StreamImageRef image) implements TagSource {}
}
