package dev.tagline.tags.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tagline.events.TagSpec;
import java.time.Instant;
import java.util.List;

/**
 * An image stream tag, {@code stream:tag}: its spec, the image it points at and one page of its history.
 *
 * @param image the image of the newest history item that is not held
 * @param hold null unless the tag is held
 * @param nextPage the {@code before} value that fetches the next page of history, null on the last page
 */
public record ImageStreamTagView(
        String namespace,
        String name,
        TagSpec tag,
        Image image,
        Long generation,
        List<HistoryItemView> history,
        List<ConditionView> conditions,
        Hold hold,
        @JsonProperty("continue") Long nextPage) {

    /**
     * The image the tag points at now.
     *
     * @param dockerImageReference in the source registry, or on the pull-through host for reference policy Local
     */
    public record Image(String digest, String dockerImageReference, String mediaType, Long size) {}

    /**
     * A hold: the tag stays where a rollback put it while what its source is seen at is recorded as held items.
     *
     * @param generation held items above this generation are what a release moves the tag to
     * @param pending the newest such item, null while there is none
     */
    public record Hold(Instant since, long generation, HistoryItemView pending) {}
}
