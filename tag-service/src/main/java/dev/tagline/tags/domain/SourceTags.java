package dev.tagline.tags.domain;

import dev.tagline.events.MalformedEventException;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.events.reference.InvalidReferenceException;
import dev.tagline.events.reference.ResourceNames;

/** Reads what a registry event names, rejecting what can never be applied, before any database work. */
public final class SourceTags {

    private SourceTags() {}

    /**
     * The registry tag, canonical, so that {@code docker.io/nginx} and {@code nginx} follow the same source.
     * The registry is taken as given: a host such as {@code harbor} is a registry here, not a Docker Hub
     * path component.
     */
    public static ImageReference of(String registry, String repository, String tag) {
        require("registry", registry);
        require("repository", repository);
        require("tag", tag);
        try {
            return new ImageReference(registry, repository, tag, null);
        } catch (InvalidReferenceException e) {
            throw new MalformedEventException("registry/repository:tag", "registry/repository:tag: " + e.getMessage());
        }
    }

    public static Digest digest(String digest) {
        require("digest", digest);
        try {
            return Digest.parse(digest);
        } catch (InvalidReferenceException e) {
            throw new MalformedEventException("digest", "digest: " + e.getMessage());
        }
    }

    /** A target names a stream tag the API can serve: DNS-1123 labels and a valid tag. */
    public static StreamTagRef target(StreamTagRef target) {
        if (target == null) {
            return null;
        }
        label("target.namespace", target.namespace());
        label("target.imageStream", target.imageStream());
        require("target.tag", target.tag());
        ResourceNames.tagNameProblem(target.tag()).ifPresent(problem -> {
            throw new MalformedEventException("target.tag", "target.tag: " + problem);
        });
        return target;
    }

    /** An import's target, named as {@link #target(StreamTagRef)} requires; its policies are valid once read. */
    public static RegistryTagChanged.Target target(RegistryTagChanged.Target target) {
        if (target != null) {
            target(target.streamTag());
        }
        return target;
    }

    /** Longest free text kept from a registry: enough to say what went wrong, small enough for every event. */
    public static final int MAX_TEXT = 1024;

    /**
     * Free text from registries is kept, not refused: without NUL, which Postgres text cannot hold, and cut
     * to {@link #MAX_TEXT} characters.
     */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        String clean = value.replace("\u0000", "");
        return clean.length() <= MAX_TEXT ? clean : clean.substring(0, MAX_TEXT - 1) + "…";
    }

    public static void require(String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new MalformedEventException(field, field + " is required");
        }
    }

    private static void label(String field, String value) {
        require(field, value);
        ResourceNames.dns1123LabelProblem(value).ifPresent(problem -> {
            throw new MalformedEventException(field, field + ": " + problem);
        });
    }
}
