package dev.tagline.tags.api;

import dev.tagline.events.TagChangeCause;
import dev.tagline.tags.domain.HistoryItem;
import java.time.Instant;

/**
 * One tag history item as the API shows it.
 *
 * @param held recorded while the tag was held, or waiting under an image policy for a verdict: its source was seen
 *     at this image, but the tag does not point at it
 * @param verification the signature verdict under the tag's image policy; null for a tag under none
 */
public record HistoryItemView(
        Instant created,
        String dockerImageReference,
        String image,
        long generation,
        TagChangeCause cause,
        boolean held,
        VerificationView verification) {

    /**
     * @param verdict {@code Verified}, {@code Pending}, or why a check refused the image: {@code Unsigned},
     *     {@code UntrustedKey}, {@code DigestMismatch}, {@code RegistryError}
     * @param keyFingerprint the policy key that verified it
     */
    public record VerificationView(String verdict, String keyFingerprint, String message) {}

    static HistoryItemView of(HistoryItem item) {
        return new HistoryItemView(
                item.created,
                item.dockerImageReference,
                item.digest,
                item.generation,
                item.cause,
                item.held,
                item.verification == null
                        ? null
                        : new VerificationView(item.verification, item.verificationKey, item.verificationMessage));
    }
}
