package dev.tagline.tags.api;

import dev.tagline.events.TagSpec;
import java.time.Instant;
import java.util.List;

/** An image stream: what its tags should follow (spec) and what they pointed at (status). */
public record ImageStreamView(
        String namespace, String name, long generation, Instant createdAt, Spec spec, Status status) {

    /** The spec tags. */
    public record Spec(List<TagSpec> tags) {}

    /** The tags that have history or conditions. */
    public record Status(List<StatusTag> tags) {}

    /** One tag's newest history items, newest first, and its conditions. */
    public record StatusTag(String tag, List<HistoryItemView> items, List<ConditionView> conditions) {}
}
