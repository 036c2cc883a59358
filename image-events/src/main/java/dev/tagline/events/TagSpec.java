package dev.tagline.events;

/**
 * A spec tag: what an image stream tag should follow and how.
 *
 * @param reference record the pointer without importing the image
 */
public record TagSpec(
        String name, TagReference from, boolean reference, ReferencePolicy referencePolicy, ImportPolicy importPolicy) {

    public TagSpec {
        referencePolicy = referencePolicy == null ? ReferencePolicy.Source : referencePolicy;
        importPolicy = importPolicy == null ? ImportPolicy.DEFAULT : importPolicy;
    }
}
