package dev.tagline.tags.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tagline.events.TagSpec;
import java.util.List;

/**
 * An image stream tag, {@code stream:tag}: its spec, the image it points at and one page of its history.
 *
 * @param nextPage the {@code before} value that fetches the next page of history, null on the last page
 */
public record ImageStreamTagView(String namespace, String name, TagSpec tag, Image image, Long generation,
        List<HistoryItemView> history, List<ConditionView> conditions,
        @JsonProperty("continue") Long nextPage) {

    /** The image the tag points at now. */
    public record Image(String digest, String dockerImageReference, String mediaType, Long size) {
    }
}
