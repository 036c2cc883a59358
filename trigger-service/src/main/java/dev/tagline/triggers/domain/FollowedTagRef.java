package dev.tagline.triggers.domain;

/** An image stream tag a trigger follows, {@code namespace/imageStream:tag}. */
public record FollowedTagRef(String namespace, String imageStream, String tag) {

    public String key() {
        return namespace + "/" + imageStream + ":" + tag;
    }
}
