package dev.tagline.tags.domain;

import dev.tagline.events.StreamTagRef;
import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.InvalidReferenceException;
import dev.tagline.events.reference.ResourceNames;

/**
 * Reads the names of stream tags, {@code stream:tag}, and stream images, {@code stream@digest}, that requests
 * give, refusing what the API could never serve with the field named.
 */
public final class StreamNames {

    private StreamNames() {}

    /** A namespace or stream name: a DNS-1123 label. */
    public static String label(String value, String field) {
        ResourceNames.dns1123LabelProblem(value).ifPresent(problem -> {
            throw new InvalidSpecException(field, problem);
        });
        return value;
    }

    public static StreamTagRef streamTag(String namespace, String value, String field) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            throw new InvalidSpecException(field, "an image stream tag is named stream:tag, got " + value);
        }
        String tag = value.substring(colon + 1);
        ResourceNames.tagNameProblem(tag).ifPresent(problem -> {
            throw new InvalidSpecException(field, problem);
        });
        return new StreamTagRef(namespace, label(value.substring(0, colon), field), tag);
    }

    public static StreamImageRef streamImage(String namespace, String value, String field) {
        int at = value == null ? -1 : value.indexOf('@');
        if (at < 0) {
            throw new InvalidSpecException(field, "an image stream image is named stream@digest, got " + value);
        }
        try {
            return new StreamImageRef(
                    namespace,
                    label(value.substring(0, at), field),
                    Digest.parse(value.substring(at + 1)).toString());
        } catch (InvalidReferenceException e) {
            throw new InvalidSpecException(field, e.getMessage());
        }
    }
}
