package dev.tagline.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * {@code dev.tagline.imagestream.tag.deleted}: a tag was removed from its stream, or the registry tag it
 * follows was deleted. Its history stays: images remain findable by digest.
 *
 * @param lastImage what the tag pointed at, null if it never had an image
 */
public record ImageStreamTagDeleted(
        String namespace, String imageStream, String tag, Reason reason, ImagePointer lastImage, Instant deletedAt) {

    @JsonIgnore
    public StreamTagRef streamTag() {
        return new StreamTagRef(namespace, imageStream, tag);
    }

    /** Whether a user removed the tag or its source went away. */
    public enum Reason {
        @JsonProperty("removed")
        REMOVED,
        @JsonProperty("source-deleted")
        SOURCE_DELETED
    }
}
