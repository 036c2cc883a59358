package dev.tagline.imports.signing;

import java.util.List;

/**
 * What looking for an image's signatures gave: those found, and what could not be read (a registry refusing or
 * failing, a manifest or layer that is not a signature). Both may be non-empty: one readable signature that
 * verifies is enough, whatever else failed.
 */
public record SignatureSearch(List<FoundSignature> found, List<String> errors) {

    public SignatureSearch {
        found = List.copyOf(found);
        errors = List.copyOf(errors);
    }

    public static SignatureSearch failed(String error) {
        return new SignatureSearch(List.of(), List.of(error));
    }
}
