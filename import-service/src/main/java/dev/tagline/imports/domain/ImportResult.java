package dev.tagline.imports.domain;

import dev.tagline.imports.registry.ImportFailedException;
import dev.tagline.imports.registry.ResolvedImage;

/** What resolving a registry tag gave: the image, or why there is none. Exactly one of the two is set. */
public record ImportResult(ResolvedImage image, ImportFailedException failure) {

    public static ImportResult resolved(ResolvedImage image) {
        return new ImportResult(image, null);
    }

    public static ImportResult failed(ImportFailedException failure) {
        return new ImportResult(null, failure);
    }

    public boolean succeeded() {
        return image != null;
    }
}
