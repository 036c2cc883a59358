package dev.tagline.triggers.domain;

import dev.tagline.events.StreamTagRef;
import dev.tagline.events.TriggerActionRequested;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A subscriber's wish: when the image stream tag it follows moves, request a build or a deployment, on
 * {@code trigger-actions} and, when it has a webhook, over HTTP. Its {@code toString} never shows the secret.
 */
@Entity
@Table(name = "triggers")
public class Trigger extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID uid;

    public String namespace;

    public String name;

    @Convert(converter = KindColumn.class)
    public TriggerActionRequested.Kind kind;

    @Column(name = "from_namespace")
    public String fromNamespace;

    @Column(name = "from_stream")
    public String fromStream;

    @Column(name = "from_tag")
    public String fromTag;

    /** JSON object. */
    public String params;

    @Column(name = "webhook_url")
    public String webhookUrl;

    @Column(name = "webhook_origin")
    public String webhookOrigin;

    @Column(name = "webhook_secret")
    public String webhookSecret;

    public boolean paused;

    @Column(name = "handled_digest")
    public String handledDigest;

    @Column(name = "last_triggered_digest")
    public String lastTriggeredDigest;

    @Column(name = "last_triggered_reference")
    public String lastTriggeredReference;

    @Column(name = "last_triggered_at")
    public Instant lastTriggeredAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Trigger create(String namespace, String name, Instant now) {
        Trigger trigger = new Trigger();
        trigger.uid = UUID.randomUUID();
        trigger.namespace = namespace;
        trigger.name = name;
        trigger.createdAt = now;
        trigger.updatedAt = now;
        return trigger;
    }

    /** Sets everything a user specifies; what the trigger did so far stays. */
    public void applySpec(TriggerSpec spec, Instant now) {
        kind = spec.kind();
        fromNamespace = spec.from().namespace();
        fromStream = spec.from().imageStream();
        fromTag = spec.from().tag();
        params = spec.paramsJson();
        webhookUrl = spec.webhook().map(webhook -> webhook.url().text()).orElse(null);
        webhookOrigin = spec.webhook().map(webhook -> webhook.url().origin()).orElse(null);
        webhookSecret = spec.webhook()
                .map(webhook -> webhook.secret().orElseThrow().text())
                .orElse(null);
        paused = spec.paused();
        updatedAt = now;
    }

    /** The trigger has dealt with the move: it fired for it now, or found it fired for before. */
    public void dealtWith(TagImage move) {
        handledDigest = move.digest();
    }

    /** An action for the move was recorded now. */
    public void firedFor(TagImage move, Instant now) {
        lastTriggeredDigest = move.digest();
        lastTriggeredReference = move.dockerImageReference();
        lastTriggeredAt = now;
    }

    public StreamTagRef from() {
        return new StreamTagRef(fromNamespace, fromStream, fromTag);
    }

    /** {@code namespace/name}, also the Kafka key of its actions. */
    public String key() {
        return namespace + "/" + name;
    }

    @Override
    public String toString() {
        return "Trigger[" + key() + ", " + kind + " from " + from().key() + (paused ? ", paused" : "") + "]";
    }
}
