package dev.tagline.tags.domain;

import dev.tagline.events.TagChangeCause;
import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.ImageReference;

/**
 * A registry tag seen pointing at a digest.
 *
 * @param source the registry tag, canonical
 */
public record ImageObservation(ImageReference source, Digest digest, TagChangeCause cause) {

    /** The pull spec of the observed image, by digest so that it never moves. */
    public String dockerImageReference() {
        return source.name() + "@" + digest;
    }
}
