package dev.tagline.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * {@code dev.tagline.imagestream.tag.updated}: an image stream tag points at a new image.
 *
 * @param generation the image stream's generation at this move: a counter of the stream's changes, so it grows with
 *     every move of this tag, by one or more
 * @param previous the image it pointed at before, null for a tag's first image
 */
public record ImageStreamTagUpdated(
        String namespace,
        String imageStream,
        String tag,
        long generation,
        StreamImage image,
        ImagePointer previous,
        TagChangeCause cause,
        Instant changedAt) {

    @JsonIgnore
    public StreamTagRef streamTag() {
        return new StreamTagRef(namespace, imageStream, tag);
    }
}
