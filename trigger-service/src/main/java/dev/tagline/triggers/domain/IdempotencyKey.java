package dev.tagline.triggers.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The idempotency key of an action: the SHA-256, in hex, of the trigger's uid and the tag move it fires for (the
 * followed tag, the move's history generation and its digest). The same trigger and the same tag move give the
 * same key, whoever computes it; a later move back to the same image (a rollback) is another move with another
 * key. Derived rather than drawn, and also the action's {@code ce_id} and its webhook's {@code webhook-id}, so
 * every retry of either carries it.
 */
public final class IdempotencyKey {

    private IdempotencyKey() {}

    public static String of(UUID triggerUid, TagImage move) {
        String input = triggerUid + "/" + move.tag().key() + "/" + move.generation() + "/" + move.digest();
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
