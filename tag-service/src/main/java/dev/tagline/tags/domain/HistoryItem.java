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

    /** Recorded while the tag was held: the tag never pointed at it. */
    public boolean held;

    public ImagePointer pointer() {
        return new ImagePointer(digest, dockerImageReference);
    }

    public static HistoryItem of(StreamTag tag, long generation, String digest, String dockerImageReference,
            TagChangeCause cause, Instant created, boolean held) {
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
