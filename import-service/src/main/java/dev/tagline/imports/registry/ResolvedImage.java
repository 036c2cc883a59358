package dev.tagline.imports.registry;

import dev.tagline.events.Platform;
import java.util.List;

/**
 * What a registry tag points at.
 *
 * @param size bytes of the manifest or index, null when the registry did not say
 * @param platforms the children of an index, empty for a single manifest
 */
public record ResolvedImage(String digest, String mediaType, Long size, List<Platform> platforms) {

    public ResolvedImage {
        platforms = List.copyOf(platforms);
    }
}
