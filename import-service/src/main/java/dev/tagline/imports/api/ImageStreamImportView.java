package dev.tagline.imports.api;

import dev.tagline.events.ImportPolicy;
import dev.tagline.events.Platform;
import java.util.List;

/**
 * The answer to an import: the stream tag it fills ({@code name} is {@code stream:tag}) and the image resolved.
 *
 * @param importPolicy as the request gave it; null when it gave none, and the tag keeps its own
 * @param image {@code dockerImageReference} is the source pinned to the digest
 */
public record ImageStreamImportView(
        String namespace, String name, ImageStreamImportRequest.From from, ImportPolicy importPolicy, Image image) {

    /** The resolved image; {@code size} is null when the registry did not say. */
    public record Image(
            String digest, String dockerImageReference, String mediaType, Long size, List<Platform> platforms) {}
}
