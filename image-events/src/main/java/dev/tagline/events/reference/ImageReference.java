package dev.tagline.events.reference;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A container image reference, {@code registry/repository[:tag][@digest]}, normalised as Docker resolves
 * names: {@code nginx} is {@code docker.io/library/nginx:latest}.
 *
 * @param registry {@code host[:port]} in lowercase; {@code docker.io} for Docker Hub
 * @param repository the path inside the registry, e.g. {@code library/nginx}
 * @param tag null only when a digest is given without a tag
 * @param digest null unless the reference pins one
 */
public record ImageReference(String registry, String repository, String tag, Digest digest) {

    private static final String DOCKER_HUB = "docker.io";
    private static final String LEGACY_DOCKER_HUB = "index.docker.io";
    private static final String OFFICIAL_IMAGES = "library/";
    private static final String LOCALHOST = "localhost";
    private static final String DEFAULT_TAG = "latest";
    private static final int NAME_MAX_LENGTH = 255;
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern IMAGE_ID = Pattern.compile("[a-f0-9]{64}");

    public ImageReference {
        if (registry == null || registry.isEmpty()) {
            throw new InvalidReferenceException("registry is empty");
        }
        RegistryHost.check(registry);
        // Host names are case-insensitive; one spelling keeps one tag's Kafka key, and its ordering, unique.
        registry = registry.toLowerCase(Locale.ROOT);
        if (registry.equals(LEGACY_DOCKER_HUB)) {
            registry = DOCKER_HUB;
        }
        if (repository == null || repository.isEmpty()) {
            throw new InvalidReferenceException("repository is empty");
        }
        RepositoryPath.check(repository);
        if (registry.equals(DOCKER_HUB) && repository.indexOf('/') < 0) {
            repository = OFFICIAL_IMAGES + repository;
        }
        int nameLength = registry.length() + 1 + repository.length();
        if (nameLength > NAME_MAX_LENGTH) {
            throw new InvalidReferenceException("name is " + nameLength + " characters; at most " + NAME_MAX_LENGTH);
        }
        if (tag != null) {
            ResourceNames.tagNameProblem(tag).ifPresent(problem -> {
                throw new InvalidReferenceException(problem);
            });
        } else if (digest == null) {
            tag = DEFAULT_TAG;
        }
    }

    /**
     * Parses a reference by the distribution reference grammar and normalises it.
     *
     * @throws InvalidReferenceException saying what is wrong and where
     */
    public static ImageReference parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidReferenceException("reference is empty");
        }
        checkCharacters(text);
        if (SCHEME.matcher(text).find()) {
            throw new InvalidReferenceException("reference " + Quoted.quote(text) + " has a URL scheme; write "
                    + "registry/repository without one");
        }
        if (IMAGE_ID.matcher(text).matches()) {
            throw new InvalidReferenceException(
                    "reference " + Quoted.quote(text) + " is 64 hex characters, an image ID rather than a name");
        }
        int at = text.indexOf('@');
        Digest digest = at < 0 ? null : Digest.parse(text.substring(at + 1));
        String nameAndTag = at < 0 ? text : text.substring(0, at);
        int colon = nameAndTag.indexOf(':', nameAndTag.lastIndexOf('/') + 1);
        String name = colon < 0 ? nameAndTag : nameAndTag.substring(0, colon);
        String tag = colon < 0 ? null : nameAndTag.substring(colon + 1);
        if (name.isEmpty()) {
            throw new InvalidReferenceException("reference " + Quoted.quote(text) + " has no repository name");
        }
        int slash = name.indexOf('/');
        if (slash >= 0 && isDomain(name.substring(0, slash))) {
            return new ImageReference(name.substring(0, slash), name.substring(slash + 1), tag, digest);
        }
        return new ImageReference(DOCKER_HUB, name, tag, digest);
    }

    /** {@code registry/repository}. */
    public String name() {
        return registry + "/" + repository;
    }

    /** {@code registry/repository[:tag][@digest]}. */
    public String canonical() {
        return name() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    /**
     * The Kafka key of a registry tag, {@code registry/repository:tag}.
     *
     * @throws IllegalStateException when the reference names only a digest
     */
    public String tagKey() {
        if (tag == null) {
            throw new IllegalStateException(canonical() + " has no tag");
        }
        return name() + ":" + tag;
    }

    /** The same name and tag, pinned to {@code digest}. */
    public ImageReference withDigest(Digest digest) {
        return new ImageReference(registry, repository, tag, Objects.requireNonNull(digest, "digest"));
    }

    @Override
    public String toString() {
        return canonical();
    }

    /** The first component is a registry only if it cannot be a Docker Hub path component. */
    private static boolean isDomain(String component) {
        return component.contains(".") || component.contains(":") || component.equals(LOCALHOST);
    }

    private static void checkCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c == 0x7f) {
                throw new InvalidReferenceException("control character " + Quoted.codePoint(c) + " at position " + i);
            }
            if (c > 0x7f) {
                throw new InvalidReferenceException(
                        "non-ASCII character at position " + i + " (" + Quoted.codePoint(text.codePointAt(i)) + ")");
            }
            if (c == ' ') {
                throw new InvalidReferenceException("whitespace at position " + i);
            }
        }
    }
}
