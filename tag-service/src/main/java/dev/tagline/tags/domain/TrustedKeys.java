package dev.tagline.tags.domain;

import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Which of a tag's trusted keys, if any, a signature check verified an image with. */
public final class TrustedKeys {

    private TrustedKeys() {}

    /** The first of the tag's keys, in policy order, that a check verified the image with. */
    public static Optional<String> firstVerified(List<TrustedKey> keys, Set<String> verifiedFingerprints) {
        return keys.stream()
                .map(TrustedKey::fingerprint)
                .filter(verifiedFingerprints::contains)
                .findFirst();
    }
}
