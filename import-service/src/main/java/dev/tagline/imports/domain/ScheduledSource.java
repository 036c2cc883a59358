package dev.tagline.imports.domain;

import dev.tagline.events.ImportFailureReason;
import dev.tagline.events.reference.ImageReference;
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

/** A registry tag checked on a schedule for the stream tags that follow it, with what the last check found. */
@Entity
@Table(name = "scheduled_sources")
public class ScheduledSource extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "source_key")
    public String sourceKey;

    public String registry;

    public String repository;

    public String tag;

    public boolean insecure;

    @Column(name = "last_digest")
    public String lastDigest;

    @Column(name = "last_checked_at")
    public Instant lastCheckedAt;

    @Column(name = "next_check")
    public Instant nextCheck;

    @Column(name = "claim_id")
    public UUID claimId;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure_reason")
    public ImportFailureReason failureReason;

    @Column(name = "failure_message")
    public String failureMessage;

    @Column(name = "events_published")
    public long eventsPublished;

    @Column(name = "created_at")
    public Instant createdAt;

    public ImageReference source() {
        return new ImageReference(registry, repository, tag, null);
    }
}
