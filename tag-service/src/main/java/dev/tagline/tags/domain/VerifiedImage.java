package dev.tagline.tags.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A digest a signature check found signed for its repository by a key: later observations of it move at once. */
@Entity
@Table(name = "verified_images")
@IdClass(VerifiedImage.Key.class)
public class VerifiedImage extends PanacheEntityBase {

    @Id
    public String registry;

    @Id
    public String repository;

    @Id
    public String digest;

    @Id
    @Column(name = "key_fingerprint")
    public String keyFingerprint;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    /** The identity of a row. */
    public static class Key implements Serializable {

        public String registry;
        public String repository;
        public String digest;
        public String keyFingerprint;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(registry, key.registry)
                    && Objects.equals(repository, key.repository)
                    && Objects.equals(digest, key.digest)
                    && Objects.equals(keyFingerprint, key.keyFingerprint);
        }

        @Override
        public int hashCode() {
            return Objects.hash(registry, repository, digest, keyFingerprint);
        }
    }
}
