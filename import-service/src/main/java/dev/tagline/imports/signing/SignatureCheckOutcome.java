package dev.tagline.imports.signing;

import dev.tagline.events.SignatureVerdict;
import java.util.List;

/**
 * The verdict on one image for one set of keys, as published.
 *
 * @param verifiedBy fingerprints of the keys that verify; empty unless {@code Verified}
 */
public record SignatureCheckOutcome(SignatureVerdict verdict, List<String> verifiedBy, String message) {

    public SignatureCheckOutcome {
        verifiedBy = List.copyOf(verifiedBy);
    }
}
