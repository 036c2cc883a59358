package dev.tagline.tags.api;

import dev.tagline.events.TagChangeCause;
import dev.tagline.tags.domain.HistoryItem;
import java.time.Instant;

/**
 * One tag history item as the API shows it.
 *
 * @param held recorded while the tag was held: its source was seen at this image, but the tag never pointed at it
 */
public record HistoryItemView(Instant created, String dockerImageReference, String image, long generation,
        TagChangeCause cause, boolean held) {

    static HistoryItemView of(HistoryItem item) {
        return new HistoryItemView(item.created, item.dockerImageReference, item.digest, item.generation, item.cause,
                item.held);
    }
}
