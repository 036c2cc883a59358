package dev.tagline.tags.service;

import dev.tagline.events.ImageStreamTagDeleted;
import dev.tagline.events.ImageStreamTagSpecChanged.Change;
import dev.tagline.events.TagSpec;
import dev.tagline.tags.domain.ImageStream;
import dev.tagline.tags.domain.StreamTag;
import dev.tagline.tags.domain.ValidSpec;
import dev.tagline.tags.store.StreamTagRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** Creates, changes and removes spec tags, publishing {@code tag.spec-changed} and {@code tag.deleted}. */
@ApplicationScoped
public class SpecTags {

    private final StreamTagRepository tags;
    private final TagEvents events;

    public SpecTags(StreamTagRepository tags, TagEvents events) {
        this.tags = tags;
        this.events = events;
    }

    public Uni<StreamTag> create(ImageStream stream, ValidSpec valid, Instant now) {
        StreamTag tag = StreamTag.statusOnly(stream.id, valid.spec().name(), now);
        tag.applySpec(valid);
        return tags.persist(tag).call(() -> events.specChanged(stream, tag.name, Change.CREATED, valid.spec(), now));
    }

    /** Changes what an existing tag follows; the same spec again changes and publishes nothing. */
    public Uni<StreamTag> change(ImageStream stream, StreamTag tag, ValidSpec valid, Instant now) {
        Optional<TagSpec> before = tag.spec();
        if (before.isPresent() && before.get().equals(valid.spec())) {
            return Uni.createFrom().item(tag);
        }
        tag.applySpec(valid);
        return events.specChanged(
                        stream, tag.name, before.isPresent() ? Change.UPDATED : Change.CREATED, valid.spec(), now)
                .replaceWith(tag);
    }

    /** Removes the tag; its history stays, so that its images remain findable by digest. */
    public Uni<Void> remove(ImageStream stream, StreamTag tag, Instant now) {
        Uni<Void> specRemoved = tag.spec()
                .map(spec -> events.specChanged(stream, tag.name, Change.REMOVED, spec, now))
                .orElse(Uni.createFrom().voidItem());
        return specRemoved
                .chain(() -> events.deleted(stream, tag, ImageStreamTagDeleted.Reason.REMOVED, now))
                .chain(() -> tags.delete(tag));
    }
}
