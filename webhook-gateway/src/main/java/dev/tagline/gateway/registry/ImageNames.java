package dev.tagline.gateway.registry;

import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.events.reference.InvalidReferenceException;
import dev.tagline.events.reference.ResourceNames;
import dev.tagline.gateway.domain.InvalidPayloadException;
import dev.tagline.gateway.domain.RegistryRepository;
import java.util.Optional;

/**
 * Reads registry hosts, repositories, tags, digests and references out of payload fields by the distribution
 * reference grammar, normalised as image references are, naming the field when one is wrong.
 */
public final class ImageNames {

    /** Stands in for the parts of a reference that a check of one other part does not concern. */
    private static final String ANY_REPOSITORY = "any";

    private static final String ANY_TAG = "latest";

    private ImageNames() {}

    /** A registry host with optional port, lowercase; {@code docker.io} for Docker Hub. */
    public static String host(PayloadField field) {
        return host(field.text(), field.path());
    }

    /** Checks a host given other than in a field, such as in configuration; {@code what} names it in errors. */
    public static String host(String host, String what) {
        try {
            return new ImageReference(host, ANY_REPOSITORY, ANY_TAG, null).registry();
        } catch (InvalidReferenceException e) {
            throw invalid(what, e);
        }
    }

    public static RegistryRepository repository(String registry, PayloadField field) {
        return repository(registry, field.text(), field.path());
    }

    /** A repository path in {@code registry}, taken from a field or computed from fields named {@code what}. */
    public static RegistryRepository repository(String registry, String repository, String what) {
        try {
            ImageReference reference = new ImageReference(registry, repository, ANY_TAG, null);
            return new RegistryRepository(reference.registry(), reference.repository());
        } catch (InvalidReferenceException e) {
            throw invalid(what, e);
        }
    }

    public static String tag(PayloadField field) {
        return checkTag(field.text(), field.path());
    }

    public static Optional<String> optionalTag(PayloadField field) {
        return field.optionalText().map(tag -> checkTag(tag, field.path()));
    }

    public static String digest(PayloadField field) {
        return checkDigest(field.text(), field.path());
    }

    public static Optional<String> optionalDigest(PayloadField field) {
        return field.optionalText().map(digest -> checkDigest(digest, field.path()));
    }

    /** A full reference, {@code registry/repository[:tag][@digest]}. */
    public static ImageReference reference(PayloadField field) {
        return reference(field.text(), field.path());
    }

    public static ImageReference reference(String text, String what) {
        try {
            return ImageReference.parse(text);
        } catch (InvalidReferenceException e) {
            throw invalid(what, e);
        }
    }

    private static String checkTag(String tag, String what) {
        ResourceNames.tagNameProblem(tag).ifPresent(problem -> {
            throw new InvalidPayloadException(what, what + ": " + problem);
        });
        return tag;
    }

    private static String checkDigest(String digest, String what) {
        try {
            return Digest.parse(digest).toString();
        } catch (InvalidReferenceException e) {
            throw invalid(what, e);
        }
    }

    private static InvalidPayloadException invalid(String what, InvalidReferenceException e) {
        return new InvalidPayloadException(what, what + ": " + e.getMessage());
    }
}
