package dev.tagline.imports.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A registry that asked, with 429 or 503 and {@code Retry-After}, to be left alone until a time. */
@Entity
@Table(name = "registry_pauses")
public class RegistryPause extends PanacheEntityBase {

    @Id
    public String registry;

    @Column(name = "paused_until")
    public Instant pausedUntil;
}
