package dev.tagline.tags.api;

import dev.tagline.events.StreamTagRef;
import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.InvalidReferenceException;
import dev.tagline.events.reference.ResourceNames;
import dev.tagline.web.InvalidRequestException;

/** Validates names taken from request paths: namespaces and streams are DNS-1123 labels, tags follow the tag grammar. */
final class PathNames {

    private PathNames() {}

    static String namespace(String value) {
        return label("namespace", value);
    }

    static String stream(String value) {
        return label("name", value);
    }

    static String tag(String value) {
        ResourceNames.tagNameProblem(value).ifPresent(problem -> {
            throw new InvalidRequestException("tag", problem);
        });
        return value;
    }

    /** Splits {@code stream:tag} of the namespace. */
    static StreamTagRef streamTag(String namespace, String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new InvalidRequestException("name", "an image stream tag is named stream:tag, got " + value);
        }
        return new StreamTagRef(namespace, stream(value.substring(0, colon)), tag(value.substring(colon + 1)));
    }

    /** Splits {@code stream@algorithm:hex}. */
    static String[] streamImage(String value) {
        int at = value.indexOf('@');
        if (at < 0) {
            throw new InvalidRequestException("name", "an image stream image is named stream@digest, got " + value);
        }
        try {
            return new String[] {
                stream(value.substring(0, at)),
                Digest.parse(value.substring(at + 1)).toString()
            };
        } catch (InvalidReferenceException e) {
            throw new InvalidRequestException("digest", e.getMessage());
        }
    }

    private static String label(String field, String value) {
        ResourceNames.dns1123LabelProblem(value).ifPresent(problem -> {
            throw new InvalidRequestException(field, problem);
        });
        return value;
    }
}
