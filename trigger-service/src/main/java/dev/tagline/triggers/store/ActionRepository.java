package dev.tagline.triggers.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** The actions triggers fired, one per (trigger, digest) for ever. */
@ApplicationScoped
public class ActionRepository {

    /**
     * Records that the trigger fires for the digest, in the current transaction.
     *
     * @return the new action's id; empty when the trigger fired for this digest before, which it never does
     *     twice
     */
    public Uni<Optional<Long>> recordFirst(Long triggerId, String digest, String idempotencyKey, Instant now) {
        String insert = "insert into actions (trigger_id, digest, idempotency_key, created_at) values (?1, ?2, ?3, ?4)"
                + " on conflict do nothing returning id";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(insert, Long.class)
                        .setParameter(1, triggerId)
                        .setParameter(2, digest)
                        .setParameter(3, idempotencyKey)
                        .setParameter(4, now)
                        .getResultList())
                .map(ids -> ids.stream().findFirst());
    }

    /** Whether the trigger ever fired for the digest. */
    public Uni<Boolean> exists(Long triggerId, String digest) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select count(*) from actions where trigger_id = ?1 and digest = ?2", Long.class)
                        .setParameter(1, triggerId)
                        .setParameter(2, digest)
                        .getSingleResult())
                .map(count -> count > 0);
    }
}
