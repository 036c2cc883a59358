package dev.tagline.tags.domain;

import dev.tagline.events.ImportPolicy;
import dev.tagline.events.ReferencePolicy;
import dev.tagline.events.TagReference;
import dev.tagline.events.TagSpec;
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
import java.util.Optional;

/**
 * A live tag of an image stream. It has a spec when a user said what it follows; a tag created by a push
 * to an integrated registry has history only.
 */
@Entity
@Table(name = "stream_tags")
public class StreamTag extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "stream_id")
    public Long streamId;

    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_kind")
    public TagReference.Kind fromKind;

    @Column(name = "from_namespace")
    public String fromNamespace;

    @Column(name = "from_name")
    public String fromName;

    /** Canonical {@code registry/repository:tag} of a DockerImage source, the key registry events match on. */
    @Column(name = "source_key")
    public String sourceKey;

    public boolean reference;

    @Enumerated(EnumType.STRING)
    @Column(name = "reference_policy")
    public ReferencePolicy referencePolicy = ReferencePolicy.Source;

    @Column(name = "import_scheduled")
    public boolean importScheduled;

    @Column(name = "import_insecure")
    public boolean importInsecure;

    @Enumerated(EnumType.STRING)
    @Column(name = "import_mode")
    public ImportPolicy.ImportMode importMode = ImportPolicy.ImportMode.Legacy;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Null unless held; held observations newer than this generation are what a release moves the tag to. */
    @Column(name = "hold_generation")
    public Long holdGeneration;

    @Column(name = "held_since")
    public Instant heldSince;

    public static StreamTag statusOnly(Long streamId, String name, Instant now) {
        StreamTag tag = new StreamTag();
        tag.streamId = streamId;
        tag.name = name;
        tag.createdAt = now;
        return tag;
    }

    /** Sets what this tag follows. */
    public void applySpec(ValidSpec valid) {
        TagSpec spec = valid.spec();
        fromKind = spec.from().kind();
        fromNamespace = spec.from().namespace();
        fromName = spec.from().name();
        sourceKey = valid.sourceKey();
        reference = spec.reference();
        referencePolicy = spec.referencePolicy();
        importScheduled = spec.importPolicy().scheduled();
        importInsecure = spec.importPolicy().insecure();
        importMode = spec.importPolicy().importMode();
    }

    /** Whether this tag follows the stream tag {@code stream:tag} of the namespace. */
    public boolean isAliasOf(String namespace, String streamTag) {
        return fromKind == TagReference.Kind.ImageStreamTag
                && namespace.equals(fromNamespace)
                && streamTag.equals(fromName);
    }

    /** Whether the tag stopped following its source until released. */
    public boolean held() {
        return holdGeneration != null;
    }

    /** Holds the tag at the item of the given generation; a tag held already keeps its first hold. */
    public void hold(long generation, Instant now) {
        if (!held()) {
            holdGeneration = generation;
            heldSince = now;
        }
    }

    public void release() {
        holdGeneration = null;
        heldSince = null;
    }

    /** The spec tag, empty for a tag with status only. */
    public Optional<TagSpec> spec() {
        if (fromKind == null) {
            return Optional.empty();
        }
        return Optional.of(new TagSpec(
                name,
                new TagReference(fromKind, fromNamespace, fromName),
                reference,
                referencePolicy,
                new ImportPolicy(importScheduled, importInsecure, importMode)));
    }
}
