package dev.tagline.tags.domain;

/**
 * The earlier history item a rollback returns to: by image digest or by generation, exactly one of them.
 *
 * @param digest the newest item of the tag with this image
 */
public record RollbackTarget(String digest, Long generation) {

    /** The request field that named the target. */
    public String field() {
        return digest != null ? "image" : "generation";
    }

    /** What the request named, for messages. */
    public String describe() {
        return digest != null ? "image " + digest : "generation " + generation;
    }
}
