package dev.tagline.triggers.api;

import dev.tagline.events.StreamTagRef;
import dev.tagline.events.reference.ResourceNames;
import dev.tagline.web.InvalidRequestException;

/** Validates names taken from requests: namespaces, triggers and streams are DNS-1123 labels, tags follow the tag grammar. */
final class PathNames {

    private PathNames() {}

    static String namespace(String value) {
        return label("namespace", value);
    }

    static String trigger(String value) {
        return label("name", value);
    }

    /**
     * Reads {@code stream:tag} in the namespace.
     *
     * @param field how the request names the value, for the error
     */
    static StreamTagRef streamTag(String field, String namespace, String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            throw new InvalidRequestException(field, "an image stream tag is named stream:tag, got " + value);
        }
        String stream = value.substring(0, colon);
        String tag = value.substring(colon + 1);
        ResourceNames.dns1123LabelProblem(stream).ifPresent(problem -> {
            throw new InvalidRequestException(field, "image stream " + problem);
        });
        ResourceNames.tagNameProblem(tag).ifPresent(problem -> {
            throw new InvalidRequestException(field, problem);
        });
        return new StreamTagRef(namespace, stream, tag);
    }

    static String label(String field, String value) {
        ResourceNames.dns1123LabelProblem(value).ifPresent(problem -> {
            throw new InvalidRequestException(field, problem);
        });
        return value;
    }
}
