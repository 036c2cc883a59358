package dev.tagline.events.reference;

import java.util.regex.Pattern;

/**
 * A content digest, {@code algorithm:encoded}, as the OCI image spec defines it: {@code sha256} and
 * {@code sha512} are lowercase hex of their exact length; other algorithms need at least 128 bits and
 * at most {@value #MAX_ENCODED_LENGTH} characters, so that a digest always fits an index.
 *
 * @param hex the encoded part: lowercase hex for sha256 and sha512
 */
public record Digest(String algorithm, String hex) {

    private static final Pattern ALGORITHM = Pattern.compile("[a-z0-9]+([+._-][a-z0-9]+)*");
    private static final Pattern ENCODED = Pattern.compile("[a-zA-Z0-9=_-]+");
    private static final int SHA256_HEX_LENGTH = 64;
    private static final int SHA512_HEX_LENGTH = 128;
    private static final int MIN_ENCODED_LENGTH = 32;
    private static final int MAX_ENCODED_LENGTH = 1024;
    private static final int MAX_ALGORITHM_LENGTH = 32;

    public Digest {
        if (algorithm == null || algorithm.isEmpty()) {
            throw new InvalidReferenceException("digest has an empty algorithm");
        }
        if (hex == null) {
            throw new InvalidReferenceException("digest " + Quoted.shown(algorithm) + ": has no encoded part");
        }
        if (algorithm.length() > MAX_ALGORITHM_LENGTH) {
            throw new InvalidReferenceException(
                    "digest algorithm is " + algorithm.length() + " characters; at most " + MAX_ALGORITHM_LENGTH);
        }
        if (hex.length() > MAX_ENCODED_LENGTH) {
            throw new InvalidReferenceException("digest " + Quoted.shown(algorithm) + ": has " + hex.length()
                    + " encoded characters; at most " + MAX_ENCODED_LENGTH);
        }
        String text = algorithm + ":" + hex;
        if (!ALGORITHM.matcher(algorithm).matches()) {
            throw new InvalidReferenceException("digest algorithm " + Quoted.quote(algorithm)
                    + " must be lowercase letters and digits, optionally joined by '+', '.', '_' or '-'");
        }
        switch (algorithm) {
            case "sha256" -> checkHex(text, algorithm, hex, SHA256_HEX_LENGTH);
            case "sha512" -> checkHex(text, algorithm, hex, SHA512_HEX_LENGTH);
            default -> checkEncoded(text, hex);
        }
    }

    /** Parses {@code algorithm:encoded}, e.g. {@code sha256:<64 lowercase hex>}. */
    public static Digest parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidReferenceException("digest is empty");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new InvalidReferenceException("digest " + Quoted.quote(text)
                    + " has no algorithm; expected algorithm:encoded, e.g. sha256:<64 hex characters>");
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }

    private static void checkHex(String text, String algorithm, String hex, int length) {
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new InvalidReferenceException("digest " + Quoted.shown(text) + " must be lowercase hex; found "
                        + Quoted.character(hex.codePointAt(i)) + " at position " + (algorithm.length() + 1 + i));
            }
        }
        if (hex.length() != length) {
            throw new InvalidReferenceException("digest " + Quoted.shown(text) + " has " + hex.length()
                    + " hex characters; " + algorithm + " needs " + length);
        }
    }

    private static void checkEncoded(String text, String encoded) {
        if (!encoded.isEmpty() && !ENCODED.matcher(encoded).matches()) {
            throw new InvalidReferenceException("digest " + Quoted.shown(text)
                    + " may only use letters, digits, '=', '_' and '-' after the algorithm");
        }
        if (encoded.length() < MIN_ENCODED_LENGTH) {
            throw new InvalidReferenceException("digest " + Quoted.shown(text) + " has " + encoded.length()
                    + " encoded characters; at least " + MIN_ENCODED_LENGTH + " are needed");
        }
    }
}
