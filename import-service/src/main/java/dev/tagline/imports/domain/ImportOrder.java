package dev.tagline.imports.domain;

import dev.tagline.events.ImportPolicy;
import dev.tagline.events.ReferencePolicy;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.reference.ImageReference;

/**
 * An on-demand import, validated: resolve {@code source} now and point {@code target} at it.
 *
 * @param source names a tag, never a digest
 * @param importPolicy as the request gave it, for the target's spec tag; null keeps the tag's own
 * @param referencePolicy as the request gave it, for the target's spec tag; null keeps the tag's own
 */
public record ImportOrder(
        StreamTagRef target, ImageReference source, ImportPolicy importPolicy, ReferencePolicy referencePolicy) {

    /** Whether the source may be read over plain HTTP or unverified TLS. */
    public boolean insecure() {
        return importPolicy != null && importPolicy.insecure();
    }

    /** The target as {@code registry.tag.changed} carries it, so that the tag-service applies the policies too. */
    public RegistryTagChanged.Target eventTarget() {
        return new RegistryTagChanged.Target(
                target.namespace(), target.imageStream(), target.tag(), importPolicy, referencePolicy);
    }
}
