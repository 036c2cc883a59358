package dev.tagline.triggers.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The idempotency key of an action: the SHA-256 of the trigger's uid and the digest, in hex. Derived rather
 * than drawn, so that it is the same for the same trigger and image forever, whoever computes it; it is also
 * the action's {@code ce_id} and its webhook's {@code webhook-id}, so every retry of either carries it.
 */
public final class IdempotencyKey {

    private IdempotencyKey() {
    }

    public static String of(UUID triggerUid, String digest) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha256.digest((triggerUid + "/" + digest).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
