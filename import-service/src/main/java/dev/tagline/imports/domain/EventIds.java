package dev.tagline.imports.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code ce_id}s that stay the same for the same observation, so that whatever repeats it (a check re-run after
 * a crash, a redelivered request) publishes an event consumers already deduped.
 */
public final class EventIds {

    private EventIds() {}

    /**
     * The {@code sequence}-th event about a scheduled source: a check repeated before its result was recorded
     * gets the same number, and row ids are never reused.
     */
    public static UUID ofScheduledSource(long sourceId, long sequence) {
        return named("scheduled-source/" + sourceId + "/" + sequence);
    }

    /** The answer to an {@code import.requested} event, identified as CloudEvents identify it. */
    public static UUID answering(String requestSource, String requestId) {
        return named("import-requested/" + requestSource + "/" + requestId);
    }

    /** The {@code sequence}-th verdict published about an image's signatures; row ids are never reused. */
    public static UUID ofSignatureCheck(long checkId, long sequence) {
        return named("signature-check/" + checkId + "/" + sequence);
    }

    private static UUID named(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
