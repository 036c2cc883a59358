package dev.tagline.tags.domain;

import dev.tagline.events.EventType;
import dev.tagline.events.ImagePointer;
import dev.tagline.events.ImageStreamTagDeleted;
import dev.tagline.events.ImageStreamTagSpecChanged;
import dev.tagline.events.TagSpec;
import dev.tagline.tags.store.HistoryRepository;
import dev.tagline.tags.store.ImageStreamRepository;
import dev.tagline.tags.store.StreamTagRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Creates, changes and removes image streams and their spec tags. Every change publishes
 * {@code tag.spec-changed} (and {@code tag.deleted} for a removed tag) through the outbox.
 */
@ApplicationScoped
public class ImageStreamService {

    private final ImageStreamRepository streams;
    private final StreamTagRepository tags;
    private final HistoryRepository history;
    private final OutboxWriter outbox;

    public ImageStreamService(ImageStreamRepository streams, StreamTagRepository tags, HistoryRepository history,
            OutboxWriter outbox) {
        this.streams = streams;
        this.tags = tags;
        this.history = history;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<ImageStream> create(String namespace, String name, List<TagSpec> specs) {
        SpecTagValidator.validateAll(specs);
        Instant now = Timestamps.now();
        return streams.findByName(namespace, name).chain(existing -> {
            if (existing != null) {
                throw new ConflictException("name", "image stream " + namespace + "/" + name + " already exists");
            }
            ImageStream stream = ImageStream.of(namespace, name, now);
            return streams.persist(stream)
                    .chain(() -> Sequentially.forEach(specs, spec -> createTag(stream, spec, now)))
                    .replaceWith(stream);
        });
    }

    /** Makes the stream's spec tags exactly the given ones, creating the stream when missing. */
    @WithTransaction
    public Uni<ImageStream> replace(String namespace, String name, List<TagSpec> specs) {
        SpecTagValidator.validateAll(specs);
        Instant now = Timestamps.now();
        Map<String, TagSpec> wanted = specs.stream().collect(Collectors.toMap(TagSpec::name, Function.identity()));
        return streams.findOrCreateLocked(namespace, name, now).chain(stream -> tags.listOfStream(stream.id)
                .chain(existing -> {
                    Map<String, StreamTag> byName = existing.stream()
                            .collect(Collectors.toMap(tag -> tag.name, Function.identity()));
                    List<StreamTag> removed = existing.stream()
                            .filter(tag -> tag.spec().isPresent() && !wanted.containsKey(tag.name)).toList();
                    return Sequentially.forEach(removed, tag -> removeTag(stream, tag, now))
                            .chain(() -> Sequentially.forEach(specs, spec -> byName.containsKey(spec.name())
                                    ? changeSpec(stream, byName.get(spec.name()), spec, now)
                                    : createTag(stream, spec, now)));
                })
                .replaceWith(stream));
    }

    /** Removes the stream with its tags and their history. */
    @WithTransaction
    public Uni<Void> delete(String namespace, String name) {
        Instant now = Timestamps.now();
        return lockExisting(namespace, name).chain(stream -> tags.listOfStream(stream.id)
                .chain(existing -> Sequentially.forEach(existing, tag -> removeTag(stream, tag, now)))
                .chain(() -> streams.delete(stream)));
    }

    /** Creates or replaces one spec tag, creating the stream when missing. */
    @WithTransaction
    public Uni<StreamTag> putTag(String namespace, String streamName, TagSpec spec) {
        SpecTagValidator.validate(spec, "");
        Instant now = Timestamps.now();
        return streams.findOrCreateLocked(namespace, streamName, now)
                .chain(stream -> tags.findByName(stream.id, spec.name()).chain(existing -> existing == null
                        ? createTag(stream, spec, now)
                        : changeSpec(stream, existing, spec, now).replaceWith(existing)));
    }

    /** Removes a tag from its stream; its history stays, so its images remain findable by digest. */
    @WithTransaction
    public Uni<Void> deleteTag(String namespace, String streamName, String tagName) {
        Instant now = Timestamps.now();
        return lockExisting(namespace, streamName).chain(stream -> tags.findByName(stream.id, tagName)
                .chain(tag -> {
                    if (tag == null) {
                        throw new NotFoundException("tag", "image stream tag " + namespace + "/" + streamName + ":"
                                + tagName + " not found");
                    }
                    return removeTag(stream, tag, now);
                }));
    }

    private Uni<ImageStream> lockExisting(String namespace, String name) {
        return streams.findByName(namespace, name).chain(stream -> {
            if (stream == null) {
                throw new NotFoundException("name", "image stream " + namespace + "/" + name + " not found");
            }
            return streams.lock(stream.id);
        });
    }

    private Uni<StreamTag> createTag(ImageStream stream, TagSpec spec, Instant now) {
        StreamTag tag = StreamTag.statusOnly(stream.id, spec.name(), now);
        tag.applySpec(spec, SpecTagValidator.validate(spec, ""));
        return tags.persist(tag)
                .call(() -> publishSpecChange(stream, tag.name, ImageStreamTagSpecChanged.Change.CREATED, spec, now));
    }

    private Uni<Void> changeSpec(ImageStream stream, StreamTag tag, TagSpec spec, Instant now) {
        Optional<TagSpec> before = tag.spec();
        if (before.isPresent() && before.get().equals(spec)) {
            return Uni.createFrom().voidItem();
        }
        tag.applySpec(spec, SpecTagValidator.validate(spec, ""));
        return publishSpecChange(stream, tag.name, before.isPresent()
                ? ImageStreamTagSpecChanged.Change.UPDATED
                : ImageStreamTagSpecChanged.Change.CREATED, spec, now);
    }

    private Uni<Void> removeTag(ImageStream stream, StreamTag tag, Instant now) {
        Uni<Void> specRemoved = tag.spec().isPresent()
                ? publishSpecChange(stream, tag.name, ImageStreamTagSpecChanged.Change.REMOVED, null, now)
                : Uni.createFrom().voidItem();
        return specRemoved
                .chain(() -> history.newest(tag.id))
                .chain(newest -> {
                    ImageStreamTagDeleted deleted = new ImageStreamTagDeleted(stream.namespace, stream.name,
                            tag.name, ImageStreamTagDeleted.Reason.REMOVED,
                            newest == null ? null : new ImagePointer(newest.digest, newest.dockerImageReference),
                            now);
                    return outbox.write(EventType.IMAGESTREAM_TAG_DELETED, deleted.streamTag().key(), deleted, now);
                })
                .chain(() -> tags.delete(tag));
    }

    private Uni<Void> publishSpecChange(ImageStream stream, String tagName, ImageStreamTagSpecChanged.Change change,
            TagSpec spec, Instant now) {
        stream.nextGeneration();
        ImageStreamTagSpecChanged changed = new ImageStreamTagSpecChanged(stream.namespace, stream.name, tagName,
                change, spec, now);
        return outbox.write(EventType.IMAGESTREAM_TAG_SPEC_CHANGED, changed.streamTag().key(), changed, now);
    }
}
