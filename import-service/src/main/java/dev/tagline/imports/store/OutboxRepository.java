package dev.tagline.imports.store;

import dev.tagline.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** The transactional outbox of {@code registry-tag-events}; the shared outbox relay reads and marks it. */
@ApplicationScoped
public class OutboxRepository {

    /**
     * Adds a message in the current transaction, keyed by registry tag, which is its subject too. An event id written
     * before is kept as it was: the same observation is published once.
     */
    public Uni<Integer> add(UUID eventId, String key, EventType type, String payload, Instant now) {
        String insert = "insert into outbox (event_id, topic, record_key, type, subject, payload, created_at)"
                + " values (?1, ?2, ?3, ?4, ?3, ?5, ?6) on conflict (event_id) do nothing";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(insert)
                        .setParameter(1, eventId)
                        .setParameter(2, type.topic())
                        .setParameter(3, key)
                        .setParameter(4, type.type())
                        .setParameter(5, payload)
                        .setParameter(6, now)
                        .executeUpdate());
    }
}
