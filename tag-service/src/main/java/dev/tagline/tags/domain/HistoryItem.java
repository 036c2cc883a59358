package dev.tagline.tags.domain;

import dev.tagline.events.ImagePointer;
import dev.tagline.events.TagChangeCause;
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

/**
 * One image a tag has pointed at, or, when {@code held}, one its source moved to while the tag was held;
 * never rewritten, kept after its tag is removed.
 */
@Entity
@Table(name = "tag_history")
public class HistoryItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "stream_id")
    public Long streamId;

    /** Null once the tag was removed. */
    @Column(name = "stream_tag_id")
    public Long streamTagId;

    public String tag;

    public long generation;

    public String digest;

    @Column(name = "docker_image_reference")
    public String dockerImageReference;

    @Enumerated(EnumType.STRING)
    public TagChangeCause cause;

    public Instant created;

    /**
     * Recorded while the tag was held, or waiting under an image policy for a verdict: the tag does not point at it.
     */
    public boolean held;

    /** The signature verdict under the tag's image policy ({@link Verification}); null for a tag under none. */
    public String verification;

    /** The fingerprint of the policy key that verified the image, for a {@code Verified} item. */
    @Column(name = "verification_key")
    public String verificationKey;

    /** What the check found, for people. */
    @Column(name = "verification_message")
    public String verificationMessage;

    /** Records the item's signature verdict under its tag's policy. */
    public HistoryItem judged(Verification verification) {
        this.verification = verification.verdict();
        this.verificationKey = verification.keyFingerprint();
        this.verificationMessage = verification.message();
        return this;
    }

    public ImagePointer pointer() {
        return new ImagePointer(digest, dockerImageReference);
    }

    public static HistoryItem of(
            StreamTag tag,
            long generation,
            String digest,
            String dockerImageReference,
            TagChangeCause cause,
            Instant created,
            boolean held) {
        HistoryItem item = new HistoryItem();
        item.streamId = tag.streamId;
        item.streamTagId = tag.id;
        item.tag = tag.name;
        item.generation = generation;
        item.digest = digest;
        item.dockerImageReference = dockerImageReference;
        item.cause = cause;
        item.created = created;
        item.held = held;
        return item;
    }
}
