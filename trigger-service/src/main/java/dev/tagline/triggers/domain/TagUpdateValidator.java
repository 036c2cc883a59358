package dev.tagline.triggers.domain;

import dev.tagline.events.ImageStreamTagUpdated;
import dev.tagline.events.MalformedEventException;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.InvalidReferenceException;
import dev.tagline.events.reference.ResourceNames;

/** Checks a {@code tag.updated} before any database work, so that a malformed one never half-applies. */
public final class TagUpdateValidator {

    private static final int MAX_REFERENCE_LENGTH = 4096;

    private TagUpdateValidator() {}

    /** @throws MalformedEventException naming the offending field */
    public static TagImage validate(ImageStreamTagUpdated event) {
        label("namespace", event.namespace());
        label("imageStream", event.imageStream());
        ResourceNames.tagNameProblem(event.tag()).ifPresent(problem -> {
            throw new MalformedEventException("tag", problem);
        });
        if (event.generation() < 0) {
            throw new MalformedEventException("generation", "generation is negative: " + event.generation());
        }
        if (event.image() == null) {
            throw new MalformedEventException("image", "a tag.updated names its new image");
        }
        String digest;
        try {
            digest = Digest.parse(event.image().digest()).toString();
        } catch (InvalidReferenceException e) {
            throw new MalformedEventException("image.digest", e.getMessage());
        }
        String reference = event.image().dockerImageReference();
        if (reference == null
                || reference.isBlank()
                || reference.length() > MAX_REFERENCE_LENGTH
                || reference.chars().anyMatch(Character::isISOControl)) {
            throw new MalformedEventException(
                    "image.dockerImageReference",
                    "the pull spec must be 1 to " + MAX_REFERENCE_LENGTH + " printable characters");
        }
        return new TagImage(
                new StreamTagRef(event.namespace(), event.imageStream(), event.tag()),
                digest,
                reference,
                event.generation());
    }

    private static void label(String field, String value) {
        ResourceNames.dns1123LabelProblem(value).ifPresent(problem -> {
            throw new MalformedEventException(field, problem);
        });
    }
}
