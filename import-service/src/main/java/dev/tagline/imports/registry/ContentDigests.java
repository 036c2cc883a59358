package dev.tagline.imports.registry;

import dev.tagline.events.reference.Digest;
import io.vertx.mutiny.core.buffer.Buffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digests of manifest bodies, to check what a registry sent or to name what it did not. */
final class ContentDigests {

    private ContentDigests() {}

    static Digest sha256(Buffer body) {
        return of("sha256", "SHA-256", body);
    }

    /** Whether {@code body} has {@code expected}; only sha256 and sha512 can be checked. */
    static boolean matches(Digest expected, Buffer body) {
        return switch (expected.algorithm()) {
            case "sha256" -> sha256(body).equals(expected);
            case "sha512" -> of("sha512", "SHA-512", body).equals(expected);
            default -> false;
        };
    }

    private static Digest of(String algorithm, String javaName, Buffer body) {
        try {
            return new Digest(
                    algorithm,
                    HexFormat.of().formatHex(MessageDigest.getInstance(javaName).digest(body.getBytes())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(javaName + " is part of every JDK", e);
        }
    }
}
