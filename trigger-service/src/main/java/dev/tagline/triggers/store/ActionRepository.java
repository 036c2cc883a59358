package dev.tagline.triggers.store;

import dev.tagline.triggers.domain.TagImage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** The actions triggers fired, one per (trigger, tag move) for ever, under the move's idempotency key. */
@ApplicationScoped
public class ActionRepository {

    /**
     * Records that the trigger fires for the tag move, in the current transaction.
     *
     * @param idempotencyKey derived from the trigger and the move, and unique
     * @return the new action's id; empty when the trigger fired for this move before, which it never does twice
     */
    public Uni<Optional<Long>> recordFirst(Long triggerId, TagImage move, String idempotencyKey, Instant now) {
        String insert = "insert into actions (trigger_id, digest, generation, idempotency_key, created_at)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict (idempotency_key) do nothing";
        // Not "returning id": Hibernate 7.2 caches a new plan for every execution of a native select.
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(insert)
                        .setParameter(1, triggerId)
                        .setParameter(2, move.digest())
                        .setParameter(3, move.generation())
                        .setParameter(4, idempotencyKey)
                        .setParameter(5, now)
                        .executeUpdate()
                        .chain(inserted -> inserted == 0
                                ? Uni.createFrom().item(Optional.<Long>empty())
                                : session.createSelectionQuery(
                                                "select id from Action where idempotencyKey = ?1", Long.class)
                                        .setParameter(1, idempotencyKey)
                                        .getSingleResult()
                                        .map(Optional::of)));
    }
}
