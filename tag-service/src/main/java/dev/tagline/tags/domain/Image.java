package dev.tagline.tags.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Image content known by digest: what the registry told us about it. */
@Entity
@Table(name = "images")
public class Image extends PanacheEntityBase {

    @Id
    public String digest;

    @Column(name = "media_type")
    public String mediaType;

    public Long size;

    /** JSON array of {@link dev.tagline.events.Platform}; empty for a single manifest. */
    @Column(name = "platforms")
    public String platformsJson;

    @Column(name = "first_seen")
    public Instant firstSeen;
}
