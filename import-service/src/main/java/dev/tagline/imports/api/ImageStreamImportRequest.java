package dev.tagline.imports.api;

import dev.tagline.events.ImportPolicy;
import dev.tagline.events.ReferencePolicy;

/**
 * {@code POST .../imagestreamimports}: import {@code from} now into the stream tag {@code to} ({@code stream:tag}).
 *
 * @param importPolicy optional; {@code insecure} allows plain HTTP, {@code scheduled} keeps importing
 * @param referencePolicy optional, {@code Source} unless given; recorded on the spec tag of a scheduled import
 */
public record ImageStreamImportRequest(From from, String to, ImportPolicy importPolicy,
        ReferencePolicy referencePolicy) {

    /** What to import: {@code kind} must be {@code DockerImage}. */
    public record From(String kind, String name) {
    }
}
