package dev.tagline.support.outbox;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;

/** Where a service keeps its outbox rows: what the relay reads and marks, inside the relay's transaction. */
public interface OutboxStore<M extends OutboxRecord> {

    /**
     * Takes the relay lock for the rest of the transaction, so that one replica at a time relays and events leave in
     * the order they were written.
     *
     * @return false when another replica is relaying now
     */
    Uni<Boolean> tryLockRelay();

    /** The oldest rows not yet acknowledged by the broker. */
    Uni<List<M>> oldestUnpublished(int limit);

    Uni<Integer> markPublished(List<Long> ids, Instant now);
}
