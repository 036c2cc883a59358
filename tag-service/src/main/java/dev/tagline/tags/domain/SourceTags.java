package dev.tagline.tags.domain;

import dev.tagline.events.MalformedEventException;
import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.events.reference.InvalidReferenceException;

/** Reads the registry tag and digest an event names, rejecting what can never be applied. */
final class SourceTags {

    private SourceTags() {
    }

    /** The canonical registry tag, so that {@code docker.io/nginx} and {@code nginx} follow the same source. */
    static ImageReference of(String registry, String repository, String tag) {
        require("registry", registry);
        require("repository", repository);
        require("tag", tag);
        try {
            return ImageReference.parse(registry + "/" + repository + ":" + tag);
        } catch (InvalidReferenceException e) {
            throw new MalformedEventException("repository", e.getMessage());
        }
    }

    static Digest digest(String digest) {
        require("digest", digest);
        try {
            return Digest.parse(digest);
        } catch (InvalidReferenceException e) {
            throw new MalformedEventException("digest", e.getMessage());
        }
    }

    static void require(String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new MalformedEventException(field, field + " is required");
        }
    }
}
