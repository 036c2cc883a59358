package dev.tagline.imports.domain;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventType;
import dev.tagline.support.outbox.OutboxRecord;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event written in the transaction of the observation it reports, relayed to Kafka after commit. */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase implements OutboxRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Becomes {@code ce_id}: a relay repeated after a crash carries the same id, so consumers dedupe it. */
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "record_key")
    public String recordKey;

    public String type;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    public EventType eventType() {
        return EventType.ofType(type).orElseThrow();
    }

    @Override
    public Long id() {
        return id;
    }

    @Override
    public String topic() {
        return eventType().topic();
    }

    @Override
    public String recordKey() {
        return recordKey;
    }

    @Override
    public String payload() {
        return payload;
    }

    /** The key is the subject too: the registry tag the event is about. */
    @Override
    public CloudEventHeaders cloudEvent(String source) {
        return new CloudEventHeaders(eventId.toString(), source, eventType(), recordKey, createdAt);
    }
}
