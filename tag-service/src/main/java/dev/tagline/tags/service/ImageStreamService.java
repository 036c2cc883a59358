package dev.tagline.tags.service;

import dev.tagline.events.TagSpec;
import dev.tagline.support.time.Timestamps;
import dev.tagline.tags.domain.ImageStream;
import dev.tagline.tags.domain.PullSpecs;
import dev.tagline.tags.domain.Sequentially;
import dev.tagline.tags.domain.SpecTagValidator;
import dev.tagline.tags.domain.StreamTag;
import dev.tagline.tags.domain.ValidSpec;
import dev.tagline.tags.store.ImageStreamRepository;
import dev.tagline.tags.store.StreamTagRepository;
import dev.tagline.web.ConflictException;
import dev.tagline.web.NotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Creates, changes and removes image streams and their spec tags, as users ask over REST. Every change to a
 * stream's tags happens under the stream's row lock, so that a registry event being applied sees the tag as
 * it is after the change.
 */
@ApplicationScoped
public class ImageStreamService {

    private final ImageStreamRepository streams;
    private final StreamTagRepository tags;
    private final SpecTags specTags;
    private final PullSpecs pullSpecs;

    public ImageStreamService(
            ImageStreamRepository streams, StreamTagRepository tags, SpecTags specTags, PullSpecs pullSpecs) {
        this.streams = streams;
        this.tags = tags;
        this.specTags = specTags;
        this.pullSpecs = pullSpecs;
    }

    @WithTransaction
    public Uni<ImageStream> create(String namespace, String name, List<TagSpec> specs) {
        List<ValidSpec> valid = SpecTagValidator.validateAll(specs);
        for (int i = 0; i < valid.size(); i++) {
            acceptable(valid.get(i), null, namespace, "tags[" + i + "]");
        }
        Instant now = Timestamps.now();
        return streams.createIfAbsent(namespace, name, now).chain(created -> {
            if (!created) {
                throw new ConflictException("name", "image stream " + namespace + "/" + name + " already exists");
            }
            return streams.findByName(namespace, name)
                    .call(stream -> streams.lock(stream.id))
                    .call(stream -> Sequentially.forEach(valid, spec -> specTags.create(stream, spec, now)));
        });
    }

    /** Makes the stream's spec tags exactly the given ones, creating the stream when missing. */
    @WithTransaction
    public Uni<ImageStream> replace(String namespace, String name, List<TagSpec> specs) {
        List<ValidSpec> valid = SpecTagValidator.validateAll(specs);
        Set<String> wanted = specs.stream().map(TagSpec::name).collect(Collectors.toSet());
        Instant now = Timestamps.now();
        return streams.findOrCreateLocked(namespace, name, now)
                .call(stream -> tags.listOfStream(stream.id).chain(existing -> {
                    Map<String, StreamTag> byName =
                            existing.stream().collect(Collectors.toMap(tag -> tag.name, Function.identity()));
                    List<StreamTag> removed = existing.stream()
                            .filter(tag -> tag.spec().isPresent() && !wanted.contains(tag.name))
                            .toList();
                    List<ValidSpec> accepted = new ArrayList<>();
                    for (int i = 0; i < valid.size(); i++) {
                        accepted.add(acceptable(
                                valid.get(i), byName.get(valid.get(i).spec().name()), namespace, "tags[" + i + "]"));
                    }
                    return Sequentially.forEach(removed, tag -> specTags.remove(stream, tag, now))
                            .chain(() -> Sequentially.forEach(
                                    accepted,
                                    spec -> byName.containsKey(spec.spec().name())
                                            ? specTags.change(
                                                    stream,
                                                    byName.get(spec.spec().name()),
                                                    spec,
                                                    now)
                                            : specTags.create(stream, spec, now)));
                }));
    }

    /** Removes the stream with its tags and their history. */
    @WithTransaction
    public Uni<Void> delete(String namespace, String name) {
        Instant now = Timestamps.now();
        return existing(namespace, name)
                .chain(stream -> tags.listOfStream(stream.id)
                        .chain(all -> Sequentially.forEach(all, tag -> specTags.remove(stream, tag, now)))
                        .chain(() -> streams.delete(stream)));
    }

    /** Creates or replaces one spec tag, creating the stream when missing. */
    @WithTransaction
    public Uni<StreamTag> putTag(String namespace, String streamName, TagSpec spec) {
        ValidSpec valid = SpecTagValidator.validate(spec, "");
        Instant now = Timestamps.now();
        return streams.findOrCreateLocked(namespace, streamName, now)
                .chain(stream -> tags.findByName(stream.id, spec.name()).chain(existing -> {
                    ValidSpec accepted = acceptable(valid, existing, namespace, "");
                    return existing == null
                            ? specTags.create(stream, accepted, now)
                            : specTags.change(stream, existing, accepted, now);
                }));
    }

    /** A spec written whole: its reference policy must be servable, and one that follows a stream is kept as is. */
    private ValidSpec acceptable(ValidSpec valid, StreamTag existing, String namespace, String field) {
        pullSpecs.requireAvailable(
                valid.spec().referencePolicy(), (field.isEmpty() ? "" : field + ".") + "referencePolicy");
        return SpecTagValidator.keptAsIs(
                valid, existing == null ? Optional.empty() : existing.spec(), namespace, field);
    }

    /** Removes a tag from its stream; its history stays, so its images remain findable by digest. */
    @WithTransaction
    public Uni<Void> deleteTag(String namespace, String streamName, String tagName) {
        Instant now = Timestamps.now();
        return existing(namespace, streamName)
                .chain(stream -> tags.findByName(stream.id, tagName).chain(tag -> {
                    if (tag == null) {
                        throw new NotFoundException(
                                "tag",
                                "image stream tag " + namespace + "/" + streamName + ":" + tagName + " not found");
                    }
                    return specTags.remove(stream, tag, now);
                }));
    }

    private Uni<ImageStream> existing(String namespace, String name) {
        return streams.findByName(namespace, name).chain(stream -> {
            if (stream == null) {
                throw new NotFoundException("name", "image stream " + namespace + "/" + name + " not found");
            }
            return streams.lock(stream.id).replaceWith(stream);
        });
    }
}
