package dev.tagline.benchmarks;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Matches the actions read from {@code trigger-actions} to the tag moves that caused them, by the digest unique to
 * each move: the time of the last one matched, and every action that should not have come. A second action for a
 * move is a redelivery if it carries the first one's idempotency key and {@code ce_id} (the outbox relayed it again,
 * and consumers dedupe it), and a second firing if it does not (which no consumer could tell from a new deploy).
 */
final class ActionTally {

    /**
     * What arrived for one batch of moves.
     *
     * @param redelivered second actions with the first's idempotency key and {@code ce_id}
     * @param refired second actions with another idempotency key or {@code ce_id}
     * @param unexpected actions matching no move of the batch
     * @param lastMatchedMillis the timestamp of the latest first action of a move; 0 if none arrived
     */
    record Outcome(
            long expected, long matched, long redelivered, long refired, long unexpected, long lastMatchedMillis) {

        long lost() {
            return expected - matched;
        }

        /** Every move had its action, and no move a second firing. */
        boolean complete() {
            return matched == expected && refired == 0;
        }
    }

    private final Map<String, ActionWatcher.Action> firstByDigest = new HashMap<>();
    private final long expected;
    private long matched;
    private long redelivered;
    private long refired;
    private long unexpected;
    private long lastMatchedMillis;

    /** Expects one action for each of {@code digests}, each a move's new digest. */
    ActionTally(Collection<String> digests) {
        digests.forEach(digest -> firstByDigest.put(digest, null));
        expected = firstByDigest.size();
    }

    /** Called from the watcher's thread while the benchmark's own asks {@link #allArrived()}. */
    synchronized void arrived(ActionWatcher.Action action) {
        if (!firstByDigest.containsKey(action.digest())) {
            unexpected++;
            return;
        }
        ActionWatcher.Action first = firstByDigest.get(action.digest());
        if (first == null) {
            firstByDigest.put(action.digest(), action);
            matched++;
            lastMatchedMillis = Math.max(lastMatchedMillis, action.timestampMillis());
        } else if (first.idempotencyKey().equals(action.idempotencyKey())
                && first.ceId().equals(action.ceId())) {
            redelivered++;
        } else {
            refired++;
        }
    }

    synchronized boolean allArrived() {
        return matched == expected;
    }

    synchronized Outcome outcome() {
        return new Outcome(expected, matched, redelivered, refired, unexpected, lastMatchedMillis);
    }
}
