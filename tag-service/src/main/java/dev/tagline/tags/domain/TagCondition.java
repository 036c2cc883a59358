package dev.tagline.tags.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A problem with a tag's source, shown on the tag; history is never touched by it. */
@Entity
@Table(name = "tag_conditions")
public class TagCondition extends PanacheEntityBase {

    /** The last import of the tag's source failed ({@code status False}, reason from the import). */
    public static final String IMPORT_SUCCESS = "ImportSuccess";
    /** The registry deleted the tag this tag follows; the tag keeps its last image. */
    public static final String SOURCE_DELETED = "SourceDeleted";
    /**
     * Under an image policy, the image the tag's source was last seen at is not verified ({@code status False}, reason
     * {@code Pending} or the verdict that refused it); cleared when the tag moves to a verified image.
     */
    public static final String VERIFIED = "Verified";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "stream_tag_id")
    public Long streamTagId;

    public String type;

    public String status;

    public String reason;

    public String message;

    @Column(name = "last_transition_time")
    public Instant lastTransitionTime;

    public static TagCondition of(
            Long streamTagId, String type, String status, String reason, String message, Instant now) {
        TagCondition condition = new TagCondition();
        condition.streamTagId = streamTagId;
        condition.type = type;
        condition.status = status;
        condition.reason = reason;
        condition.message = message;
        condition.lastTransitionTime = now;
        return condition;
    }

    /** Whether setting this condition to the given state would change what users see. */
    public boolean differsFrom(String status, String reason) {
        return !this.status.equals(status) || !this.reason.equals(reason);
    }
}
