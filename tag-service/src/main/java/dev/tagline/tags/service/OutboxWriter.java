package dev.tagline.tags.service;

import dev.tagline.events.EventType;
import dev.tagline.tags.domain.OutboxMessage;
import dev.tagline.tags.store.OutboxRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Writes an event into the outbox, inside the caller's transaction; the relay publishes it after commit. */
@ApplicationScoped
public class OutboxWriter {

    private final OutboxRepository outbox;

    public OutboxWriter(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> write(EventType type, String key, Object data, Instant now) {
        return write(OutboxMessage.of(type, key, data, now));
    }

    public Uni<Void> write(OutboxMessage message) {
        return outbox.persist(message).replaceWithVoid();
    }
}
