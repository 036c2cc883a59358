package dev.tagline.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * {@code dev.tagline.imagestream.tag.import-failed}: the source a tag follows could not be imported; the
 * tag keeps its last image.
 *
 * @param from the DockerImage pull spec the tag follows
 */
public record ImageStreamTagImportFailed(
        String namespace,
        String imageStream,
        String tag,
        String from,
        ImportFailureReason reason,
        String message,
        Instant failedAt) {

    @JsonIgnore
    public StreamTagRef streamTag() {
        return new StreamTagRef(namespace, imageStream, tag);
    }
}
