package dev.tagline.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * {@code dev.tagline.imagestream.tag.spec-changed}: a spec tag was created, changed or removed. The
 * import-service schedules imports from it.
 *
 * @param spec the spec tag as it is now; for a removal, as it was, so that consumers know what stopped
 */
public record ImageStreamTagSpecChanged(
        String namespace, String imageStream, String tag, Change change, TagSpec spec, Instant changedAt) {

    @JsonIgnore
    public StreamTagRef streamTag() {
        return new StreamTagRef(namespace, imageStream, tag);
    }

    /** What happened to the spec tag. */
    public enum Change {
        @JsonProperty("created")
        CREATED,
        @JsonProperty("updated")
        UPDATED,
        @JsonProperty("removed")
        REMOVED
    }
}
