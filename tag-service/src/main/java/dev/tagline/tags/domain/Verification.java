package dev.tagline.tags.domain;

/**
 * The signature verdict recorded on a history item of a tag under an image policy.
 *
 * @param verdict {@code Verified}, {@code Pending}, or the {@code SignatureVerdict} that refused the image
 * @param keyFingerprint the policy key that verified it, for {@code Verified}
 * @param message what the check found, for people
 */
public record Verification(String verdict, String keyFingerprint, String message) {

    public static final String VERIFIED = "Verified";
    public static final String PENDING = "Pending";

    public static Verification verifiedBy(String keyFingerprint, String message) {
        return new Verification(VERIFIED, keyFingerprint, message);
    }

    public static Verification pending() {
        return new Verification(PENDING, null, "waiting for a signature check");
    }
}
