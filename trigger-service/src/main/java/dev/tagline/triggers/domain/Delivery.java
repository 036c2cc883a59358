package dev.tagline.triggers.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One action on its way to a trigger's webhook: its attempts so far and how the last one went. */
@Entity
@Table(name = "deliveries")
public class Delivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "trigger_id")
    public Long triggerId;

    @Column(name = "action_id")
    public Long actionId;

    @Column(name = "webhook_id")
    public String webhookId;

    public String digest;

    public String payload;

    /**
     * The subscriber whose concurrency its attempts count against: its trigger's webhook origin when it was made, or
     * empty for a trigger that had lost its webhook meanwhile (its attempts park it).
     */
    public String origin;

    @Convert(converter = DeliveryStatus.Column.class)
    public DeliveryStatus status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "claim_token")
    public UUID claimToken;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Due at once. */
    public static Delivery pending(
            Trigger trigger, long actionId, String webhookId, String digest, String payload, Instant now) {
        Delivery delivery = new Delivery();
        delivery.triggerId = trigger.id;
        delivery.actionId = actionId;
        delivery.webhookId = webhookId;
        delivery.digest = digest;
        delivery.payload = payload;
        delivery.origin = trigger.webhookOrigin == null ? "" : trigger.webhookOrigin;
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        return delivery;
    }

    /**
     * The claimed delivery as its attempt leaves it, by the rules of {@link #recordAttempt}, to be written only while
     * the attempt's claim still holds.
     */
    public static Delivery attempted(
            ClaimedDelivery claimed, AttemptOutcome outcome, Optional<Instant> next, Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = claimed.id();
        delivery.status = DeliveryStatus.PENDING;
        delivery.attempts = claimed.attempt();
        delivery.recordAttempt(outcome, next, now);
        return delivery;
    }

    /** An attempt holds it now (until its lease runs out, as after a crash). */
    public boolean inFlight(Instant now) {
        return claimedUntil != null && claimedUntil.isAfter(now);
    }

    /**
     * Records how the attempt went and what happens next.
     *
     * @param next when to try again; empty to park the delivery as failed
     */
    private void recordAttempt(AttemptOutcome outcome, Optional<Instant> next, Instant now) {
        claimedUntil = null;
        claimToken = null;
        lastStatusCode = outcome.statusCode();
        lastError = outcome.error();
        if (outcome.succeeded()) {
            status = DeliveryStatus.SUCCEEDED;
            deliveredAt = now;
            nextAttemptAt = null;
        } else if (outcome.retryable() && next.isPresent()) {
            nextAttemptAt = next.get();
        } else {
            status = DeliveryStatus.FAILED;
            nextAttemptAt = null;
        }
    }

    /** Starts over: due at once, with the whole budget of attempts. What the last attempt said stays visible. */
    public void redeliver(Instant now) {
        status = DeliveryStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        claimedUntil = null;
        claimToken = null;
        deliveredAt = null;
    }
}
