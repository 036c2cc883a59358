package dev.tagline.tags.service;

import dev.tagline.events.ImagePointer;
import dev.tagline.events.ImportPolicy;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.TagChangeCause;
import dev.tagline.events.TagReference;
import dev.tagline.events.TagSpec;
import dev.tagline.tags.domain.HistoryItem;
import dev.tagline.tags.domain.ImageStream;
import dev.tagline.tags.domain.Sequentially;
import dev.tagline.tags.domain.StreamImageRef;
import dev.tagline.tags.domain.StreamTag;
import dev.tagline.tags.domain.TagCommand;
import dev.tagline.tags.domain.TagSource;
import dev.tagline.tags.store.HistoryRepository;
import dev.tagline.tags.store.ImageRepository;
import dev.tagline.tags.store.ImageStreamRepository;
import dev.tagline.tags.store.StreamTagRepository;
import dev.tagline.web.NotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves what a tag operation tags from: the spec each destination gets and the image it points at now,
 * refusing a source stream, tag or image that does not exist.
 */
@ApplicationScoped
public class TagSources {

    /**
     * A resolved source.
     *
     * @param spec the spec tag a destination of the given name gets
     * @param image what the destinations point at now, null when nothing yet
     * @param chain for an alias: the source and the tags it follows in turn, none of which may become its alias
     */
    public record Resolved(
            Function<String, TagSpec> spec, ImagePointer image, TagChangeCause cause, List<AliasChain.Link> chain) {}

    private final ImageStreamRepository streams;
    private final StreamTagRepository tags;
    private final HistoryRepository history;
    private final ImageRepository images;
    private final AliasChain aliasChain;

    public TagSources(
            ImageStreamRepository streams,
            StreamTagRepository tags,
            HistoryRepository history,
            ImageRepository images,
            AliasChain aliasChain) {
        this.streams = streams;
        this.tags = tags;
        this.history = history;
        this.images = images;
        this.aliasChain = aliasChain;
    }

    /**
     * The streams the source reads, found without locks so that the caller can lock them in order with the
     * rest: for an alias, every stream along the aliases it follows, so that the check for a cycle cannot race.
     */
    public Uni<List<Long>> streamIds(TagCommand command) {
        if (command.from() instanceof TagSource.FromStreamTag source) {
            return command.alias()
                    ? aliasChain
                            .from(source.tag())
                            .map(chain -> chain.stream()
                                    .map(AliasChain.Link::streamId)
                                    .filter(Objects::nonNull)
                                    .toList())
                    : streamId(source.tag().namespace(), source.tag().imageStream());
        }
        if (command.from() instanceof TagSource.FromStreamImage source) {
            return streamId(source.image().namespace(), source.image().imageStream());
        }
        return Uni.createFrom().item(List.of());
    }

    /**
     * Reads the source under the locks of the streams in {@code locked}; a stream found along an alias chain
     * that was not among them is locked now and added.
     */
    public Uni<Resolved> resolve(TagCommand command, Set<Long> locked, Instant now) {
        if (command.from() instanceof TagSource.FromStreamTag source) {
            return command.alias() ? alias(command, source.tag(), locked) : snapshot(command, source.tag());
        }
        if (command.from() instanceof TagSource.FromStreamImage source) {
            return streamImage(command, source.image());
        }
        return dockerImage(command, (TagSource.FromDockerImage) command.from(), now);
    }

    /** The destinations follow the registry image; one named by digest with {@code reference} is pointed at now. */
    private Uni<Resolved> dockerImage(TagCommand command, TagSource.FromDockerImage docker, Instant now) {
        Function<String, TagSpec> spec = name -> new TagSpec(
                name,
                new TagReference(TagReference.Kind.DockerImage, null, docker.name()),
                command.reference(),
                command.referencePolicy(),
                command.importPolicy());
        if (!command.reference() || docker.reference().digest() == null) {
            return Uni.createFrom().item(new Resolved(spec, null, TagChangeCause.TAG, List.of()));
        }
        String digest = docker.reference().digest().toString();
        return images.remember(digest, null, null, "[]", now)
                .replaceWith(new Resolved(
                        spec,
                        new ImagePointer(digest, docker.reference().name() + "@" + digest),
                        TagChangeCause.TAG,
                        List.of()));
    }

    /** The destinations hold the source tag's image now, as a stream image: later moves of the source pass them by. */
    private Uni<Resolved> snapshot(TagCommand command, StreamTagRef source) {
        return existingTag(source).chain(tag -> history.newest(tag.id)).map(newest -> {
            if (newest == null) {
                throw new NotFoundException(
                        "from.name", "image stream tag " + source.key() + " has no image to tag from yet");
            }
            return ofStreamImage(
                    command, new StreamImageRef(source.namespace(), source.imageStream(), newest.digest), newest);
        });
    }

    /** The destinations follow the source tag, pointing now at its image if it has one. */
    private Uni<Resolved> alias(TagCommand command, StreamTagRef source, Set<Long> locked) {
        return existingTag(source)
                .chain(tag -> aliasChain.from(source).chain(chain -> {
                    // Walked again under the locks; a link that appeared meanwhile is locked now, out of order but
                    // rarely.
                    List<Long> unlocked = chain.stream()
                            .map(AliasChain.Link::streamId)
                            .filter(id -> id != null && locked.add(id))
                            .toList();
                    return Sequentially.forEach(unlocked, streams::lock)
                            .chain(() -> history.newest(tag.id))
                            .map(newest -> new Resolved(
                                    name -> new TagSpec(
                                            name,
                                            new TagReference(
                                                    TagReference.Kind.ImageStreamTag,
                                                    source.namespace(),
                                                    source.imageStream() + ":" + source.tag()),
                                            false,
                                            command.referencePolicy(),
                                            ImportPolicy.DEFAULT),
                                    newest == null ? null : newest.pointer(),
                                    TagChangeCause.ALIAS,
                                    chain));
                }));
    }

    /** An image from any history of the stream, also one no tag points at any more. */
    private Uni<Resolved> streamImage(TagCommand command, StreamImageRef source) {
        return existingStream(source.namespace(), source.imageStream())
                .chain(stream -> history.withDigest(stream.id, source.digest()))
                .map(items -> {
                    if (items.isEmpty()) {
                        throw new NotFoundException(
                                "from.name",
                                "image " + source.digest() + " is in no tag history of " + source.namespace() + "/"
                                        + source.imageStream());
                    }
                    return ofStreamImage(command, source, items.get(0));
                });
    }

    private static Resolved ofStreamImage(TagCommand command, StreamImageRef source, HistoryItem item) {
        return new Resolved(
                name -> new TagSpec(
                        name,
                        new TagReference(TagReference.Kind.ImageStreamImage, source.namespace(), source.name()),
                        false,
                        command.referencePolicy(),
                        ImportPolicy.DEFAULT),
                item.pointer(),
                TagChangeCause.TAG,
                List.of());
    }

    private Uni<List<Long>> streamId(String namespace, String name) {
        return streams.findByName(namespace, name).map(stream -> stream == null ? List.of() : List.of(stream.id));
    }

    private Uni<StreamTag> existingTag(StreamTagRef ref) {
        return existingStream(ref.namespace(), ref.imageStream())
                .chain(stream -> tags.findByName(stream.id, ref.tag()))
                .map(tag -> {
                    if (tag == null) {
                        throw new NotFoundException("from.name", "image stream tag " + ref.key() + " not found");
                    }
                    return tag;
                });
    }

    private Uni<ImageStream> existingStream(String namespace, String name) {
        return streams.findByName(namespace, name).map(stream -> {
            if (stream == null) {
                throw new NotFoundException("from.name", "image stream " + namespace + "/" + name + " not found");
            }
            return stream;
        });
    }
}
