package dev.tagline.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An image stream tag, {@code namespace/imageStream:tag}. */
public record StreamTagRef(String namespace, String imageStream, String tag) {

    /** The Kafka key of {@code imagestream-tag-events}: {@code namespace/stream:tag}. */
    @JsonIgnore
    public String key() {
        return namespace + "/" + imageStream + ":" + tag;
    }
}
