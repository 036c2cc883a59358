package dev.tagline.tags.domain;

import dev.tagline.events.EventJson;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An image policy of a namespace: the tags of the streams it names ({@code *} for all) move only to images a
 * signature verifies with one of its keys. Streams and keys are stored as JSON, read whole with the policy.
 */
@Entity
@Table(name = "image_policies")
public class ImagePolicy extends PanacheEntityBase {

    /** Names every stream of the namespace. */
    public static final String ALL_STREAMS = "*";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String namespace;

    public String name;

    @Column(name = "streams")
    public String streamsJson;

    @Column(name = "public_keys")
    public String publicKeysJson;

    @Column(name = "created_at")
    public Instant createdAt;

    public void apply(ValidPolicy valid) {
        streamsJson = EventJson.write(valid.streams());
        publicKeysJson = EventJson.write(valid.keys());
    }

    public PolicyRule rule() {
        return PolicyRule.of(namespace, streamsJson, publicKeysJson);
    }
}
