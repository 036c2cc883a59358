package dev.tagline.imports.domain;

import dev.tagline.events.SignatureVerdict;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An image whose cosign signatures were asked about: the last request's keys, its re-checks, its last verdict. */
@Entity
@Table(name = "signature_checks")
public class SignatureCheck extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String registry;

    public String repository;

    public String digest;

    /** JSON, as {@link RequestedCheck#keysJson()} writes it. */
    @Column(name = "trusted_keys")
    public String trustedKeys;

    public boolean insecure;

    @Column(name = "checks_since_request")
    public int checksSinceRequest;

    @Column(name = "next_check")
    public Instant nextCheck;

    @Column(name = "claim_id")
    public UUID claimId;

    @Enumerated(EnumType.STRING)
    @Column(name = "published_verdict")
    public SignatureVerdict publishedVerdict;

    @Column(name = "published_keys")
    public String publishedKeys;

    @Column(name = "events_published")
    public long eventsPublished;

    @Column(name = "last_checked_at")
    public Instant lastCheckedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    public RequestedCheck requested() {
        return RequestedCheck.of(registry, repository, digest, trustedKeys);
    }
}
