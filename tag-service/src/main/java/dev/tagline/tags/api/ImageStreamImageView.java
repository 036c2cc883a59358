package dev.tagline.tags.api;

import dev.tagline.events.Platform;
import java.util.List;

/**
 * An image stream image, {@code stream@digest}: an image from any tag history of the stream.
 *
 * @param tags the live tags whose history holds the image
 * @param history every history item of the stream that recorded the image, newest first
 */
public record ImageStreamImageView(
        String namespace, String name, Image image, List<String> tags, List<HistoryItemView> history) {

    /** The image itself. */
    public record Image(
            String digest, String dockerImageReference, String mediaType, Long size, List<Platform> platforms) {}
}
