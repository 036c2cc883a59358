package dev.tagline.tags.domain;

/** An image stream image, {@code namespace/imageStream@digest}: an image from any tag history of the stream. */
public record StreamImageRef(String namespace, String imageStream, String digest) {

    /** {@code stream@digest}, as a spec tag's {@code from.name} spells it. */
    public String name() {
        return imageStream + "@" + digest;
    }
}
