package dev.tagline.events;

/**
 * What a spec tag follows: a DockerImage pull spec, an ImageStreamTag {@code stream:tag} or an
 * ImageStreamImage {@code stream@digest}.
 *
 * @param namespace for ImageStreamTag and ImageStreamImage; null means the tag's own namespace
 */
public record TagReference(Kind kind, String namespace, String name) {

    /** The kinds of object a spec tag can follow, spelled as in the image stream API. */
    public enum Kind {
        DockerImage,
        ImageStreamTag,
        ImageStreamImage
    }
}
