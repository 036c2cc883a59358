package dev.tagline.imports.domain;

import dev.tagline.events.ImportPolicy;
import dev.tagline.events.ReferencePolicy;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.reference.ImageReference;

/**
 * An on-demand import, validated: resolve {@code source} now and point {@code target} at it.
 *
 * @param source names a tag, never a digest
 */
public record ImportOrder(StreamTagRef target, ImageReference source, ImportPolicy importPolicy,
        ReferencePolicy referencePolicy) {
}
