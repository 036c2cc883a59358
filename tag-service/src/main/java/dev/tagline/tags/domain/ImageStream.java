package dev.tagline.tags.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An image stream, {@code namespace/name}: a named view of related images that holds no image data. */
@Entity
@Table(name = "image_streams")
public class ImageStream extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String namespace;

    public String name;

    /**
     * The generation of the stream's newest history item. Only the database writes it, with a row lock
     * ({@code ImageStreamRepository.nextGeneration}), so a stale copy in a session can never write it back.
     */
    @Column(insertable = false, updatable = false)
    public long generation;

    @Column(name = "created_at")
    public Instant createdAt;
}
