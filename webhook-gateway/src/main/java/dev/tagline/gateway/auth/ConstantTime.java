package dev.tagline.gateway.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Comparisons of secrets whose duration does not depend on where the inputs differ. */
final class ConstantTime {

    private ConstantTime() {}

    /** Compares equal-purpose byte strings; {@link MessageDigest#isEqual} does not stop at the first difference. */
    static boolean equal(byte[] expected, byte[] presented) {
        return MessageDigest.isEqual(expected, presented);
    }

    /** Hashing first makes the comparison independent of the presented length too. */
    static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
