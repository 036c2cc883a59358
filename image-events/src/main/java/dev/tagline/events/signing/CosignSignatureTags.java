package dev.tagline.events.signing;

import dev.tagline.events.reference.Digest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tag cosign stores an image's signatures under, in the image's own repository: {@code sha256-<hex>.sig} for the
 * manifest {@code sha256:<hex>}. A push of such a tag means a signature for that digest may have appeared.
 */
public final class CosignSignatureTags {

    private static final Pattern SIGNATURE_TAG = Pattern.compile("(sha256|sha512)-([0-9a-f]{64}|[0-9a-f]{128})\\.sig");

    private CosignSignatureTags() {}

    /** The signature tag of a manifest digest. */
    public static String of(Digest digest) {
        return digest.algorithm() + "-" + digest.hex() + ".sig";
    }

    /** The digest a signature tag signs, or empty for any other tag. */
    public static Optional<Digest> signedDigest(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        Matcher matcher = SIGNATURE_TAG.matcher(tag);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Digest(matcher.group(1), matcher.group(2)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
