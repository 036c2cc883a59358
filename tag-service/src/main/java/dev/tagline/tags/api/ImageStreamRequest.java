package dev.tagline.tags.api;

import dev.tagline.events.TagSpec;
import java.util.List;

/** Body of creating or replacing an image stream: its name and spec tags. */
public record ImageStreamRequest(String name, List<TagSpec> tags) {

    public ImageStreamRequest {
        tags = tags == null ? List.of() : tags;
    }
}
