package dev.tagline.triggers.domain;

import dev.tagline.events.StreamTagRef;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The newest image of an image stream tag, as its last {@code tag.updated} said. */
@Entity
@Table(name = "followed_tags")
public class FollowedTag extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String namespace;

    @Column(name = "image_stream")
    public String imageStream;

    public String tag;

    public String digest;

    @Column(name = "docker_image_reference")
    public String dockerImageReference;

    public long generation;

    @Column(name = "changed_at")
    public Instant changedAt;

    public TagImage image() {
        return new TagImage(new StreamTagRef(namespace, imageStream, tag), digest, dockerImageReference, generation);
    }
}
