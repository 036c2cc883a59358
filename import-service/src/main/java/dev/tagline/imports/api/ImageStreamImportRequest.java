package dev.tagline.imports.api;

import dev.tagline.events.ImportPolicy;
import dev.tagline.events.ReferencePolicy;

/**
 * {@code POST .../imagestreamimports}: import {@code from} now into the stream tag {@code to} ({@code stream:tag}).
 *
 * @param importPolicy optional; becomes the target spec tag's import policy ({@code insecure} allows plain HTTP for
 *     this import too, {@code scheduled} keeps importing); without it the tag keeps its own, the default for a new tag
 * @param referencePolicy optional; becomes the target spec tag's reference policy; without it the tag keeps its own,
 *     {@code Source} for a new tag
 */
public record ImageStreamImportRequest(
        From from, String to, ImportPolicy importPolicy, ReferencePolicy referencePolicy) {

    /** What to import: {@code kind} must be {@code DockerImage}. */
    public record From(String kind, String name) {}
}
