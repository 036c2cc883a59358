package dev.tagline.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * {@code ce_id}s for registries that give no event id of their own. Consumers dedupe on {@code (ce_source, ce_id)},
 * so an id must be the same for every delivery of one registry event, and differ between two pushes.
 */
public final class EventIds {

    private EventIds() {}

    /** A hash of what identifies the event (what happened, to what, when), the same on every redelivery. */
    public static String derived(String... parts) {
        MessageDigest sha256 = sha256();
        for (String part : parts) {
            // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
            String text = part == null ? "" : part;
            sha256.update((text.length() + ":" + text + "|").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * For payloads that carry neither an id nor a time: two identical pushes must not look like one, so every
     * delivery gets its own id (a redelivery then requests one more import, which changes nothing).
     */
    public static String unique() {
        return UUID.randomUUID().toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
