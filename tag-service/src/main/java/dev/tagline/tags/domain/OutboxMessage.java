package dev.tagline.tags.domain;

import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event written in the transaction of the change it describes, relayed to Kafka after commit. */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Becomes {@code ce_id}: a relay repeated after a crash carries the same id, so consumers dedupe it. */
    @Column(name = "event_id")
    public UUID eventId;

    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    public String type;

    public String subject;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    public static OutboxMessage of(EventType type, String key, Object data, Instant now) {
        OutboxMessage message = new OutboxMessage();
        message.eventId = UUID.randomUUID();
        message.topic = type.topic();
        message.recordKey = key;
        message.type = type.type();
        message.subject = key;
        message.payload = EventJson.write(data);
        message.createdAt = now;
        return message;
    }
}
