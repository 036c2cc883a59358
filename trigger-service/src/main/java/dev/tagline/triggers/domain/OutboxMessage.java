package dev.tagline.triggers.domain;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An action written in the transaction that decided it, relayed to Kafka after commit. */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Becomes {@code ce_id}: a relay repeated after a crash carries the same id, so consumers dedupe it. */
    @Column(name = "event_id")
    public String eventId;

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

    public static OutboxMessage of(CloudEventHeaders attributes, String key, Object data) {
        OutboxMessage message = new OutboxMessage();
        message.eventId = attributes.id();
        message.topic = attributes.type().topic();
        message.recordKey = key;
        message.type = attributes.type().type();
        message.subject = attributes.subject();
        message.payload = EventJson.write(data);
        message.createdAt = attributes.time();
        return message;
    }
}
