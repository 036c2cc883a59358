package dev.tagline.tags.domain;

import dev.tagline.events.ImagePointer;
import dev.tagline.events.ImportPolicy;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.TagChangeCause;
import dev.tagline.events.TagReference;
import dev.tagline.events.TagSpec;
import dev.tagline.tags.store.HistoryRepository;
import dev.tagline.tags.store.ImageRepository;
import dev.tagline.tags.store.ImageStreamRepository;
import dev.tagline.tags.store.StreamTagRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Tags without re-pushing, as {@code oc tag} does: from a registry image, from another stream tag (a snapshot
 * of its image now, or an alias that follows it), or from a stream image, into one or more destinations
 * across streams and namespaces, in one transaction. Destination streams are created when missing, as
 * {@code oc tag} does.
 */
@ApplicationScoped
public class TagOperations {

    /**
     * A source resolved under the locks: the spec each destination gets, the image it points at, if any, and
     * for an alias the tags the source follows, none of which may become an alias of it.
     */
    private record Resolved(Function<String, TagSpec> spec, ImagePointer image, TagChangeCause cause,
            List<AliasChain.Link> chain) {

        Resolved(Function<String, TagSpec> spec, ImagePointer image, TagChangeCause cause) {
            this(spec, image, cause, List.of());
        }
    }

    private final ImageStreamRepository streams;
    private final StreamTagRepository tags;
    private final HistoryRepository history;
    private final ImageRepository images;
    private final SpecTags specTags;
    private final TagPointer pointer;
    private final AliasChain aliasChain;
    private final PullSpecs pullSpecs;

    public TagOperations(ImageStreamRepository streams, StreamTagRepository tags, HistoryRepository history,
            ImageRepository images, SpecTags specTags, TagPointer pointer, AliasChain aliasChain, PullSpecs pullSpecs) {
        this.streams = streams;
        this.tags = tags;
        this.history = history;
        this.images = images;
        this.specTags = specTags;
        this.pointer = pointer;
        this.aliasChain = aliasChain;
        this.pullSpecs = pullSpecs;
    }

    /**
     * Tags every destination, or, when any of them is refused, none: a refusal fails the transaction, which
     * takes back every change and every event written before it.
     *
     * @return the destinations, in the order given
     */
    @WithTransaction
    public Uni<List<StreamTagRef>> tag(TagCommand command) {
        pullSpecs.requireAvailable(command.referencePolicy(), "referencePolicy");
        Instant now = Timestamps.now();
        return destinationStreams(command.to(), now).chain(destinations -> sourceStreamIds(command.from())
                .chain(sourceIds -> {
                    TreeSet<Long> ids = new TreeSet<>(sourceIds);
                    destinations.values().forEach(stream -> ids.add(stream.id));
                    // Every writer that locks several streams takes them in id order.
                    return Sequentially.forEach(List.copyOf(ids), streams::lock)
                            .chain(() -> resolve(command, ids, now))
                            .chain(resolved -> Sequentially.forEach(indexes(command.to()), i -> tagOne(
                                    destinations.get(streamKey(command.to().get(i))), command.to().get(i), i,
                                    resolved, now)))
                            .replaceWith(command.to());
                }));
    }

    /** Creates the missing destination streams, in name order so that two concurrent creators cannot deadlock. */
    private Uni<Map<String, ImageStream>> destinationStreams(List<StreamTagRef> to, Instant now) {
        List<String> keys = to.stream().map(TagOperations::streamKey).distinct().sorted().toList();
        Map<String, ImageStream> byKey = new HashMap<>();
        return Sequentially.forEach(keys, key -> {
            String[] names = key.split("/");
            return streams.findOrCreate(names[0], names[1], now).invoke(stream -> byKey.put(key, stream));
        }).replaceWith(byKey);
    }

    /** The streams the source reads, found without locks so that they can be locked in order with the rest. */
    private Uni<List<Long>> sourceStreamIds(TagSource from) {
        if (from instanceof TagSource.FromStreamTag source) {
            return aliasChain.from(source.tag())
                    .map(chain -> chain.stream().map(AliasChain.Link::streamId).filter(Objects::nonNull).toList());
        }
        if (from instanceof TagSource.FromStreamImage source) {
            return streams.findByName(source.image().namespace(), source.image().imageStream())
                    .map(stream -> stream == null ? List.of() : List.of(stream.id));
        }
        return Uni.createFrom().item(List.of());
    }

    private Uni<Resolved> resolve(TagCommand command, TreeSet<Long> locked, Instant now) {
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
        Function<String, TagSpec> spec = name -> new TagSpec(name,
                new TagReference(TagReference.Kind.DockerImage, null, docker.name()), command.reference(),
                command.referencePolicy(), command.importPolicy());
        if (!command.reference() || docker.reference().digest() == null) {
            return Uni.createFrom().item(new Resolved(spec, null, TagChangeCause.TAG));
        }
        String digest = docker.reference().digest().toString();
        return images.remember(digest, null, null, "[]", now).replaceWith(new Resolved(spec,
                new ImagePointer(digest, docker.reference().name() + "@" + digest), TagChangeCause.TAG));
    }

    /** The destinations hold the source tag's image now, as a stream image: later moves of the source pass them by. */
    private Uni<Resolved> snapshot(TagCommand command, StreamTagRef source) {
        return existingTag(source).chain(tag -> history.newest(tag.id)).map(newest -> {
            if (newest == null) {
                throw new NotFoundException("from.name", "image stream tag " + source.key()
                        + " has no image to tag from yet");
            }
            return streamImageResolved(command, new StreamImageRef(source.namespace(), source.imageStream(),
                    newest.digest), newest);
        });
    }

    /** The destinations follow the source tag, pointing now at its image if it has one. */
    private Uni<Resolved> alias(TagCommand command, StreamTagRef source, TreeSet<Long> locked) {
        return existingTag(source).chain(tag -> aliasChain.from(source).chain(chain -> {
            // Walked again under the locks; a link that appeared meanwhile is locked now, out of order but rarely.
            List<Long> unlocked = chain.stream().map(AliasChain.Link::streamId)
                    .filter(id -> id != null && locked.add(id)).toList();
            return Sequentially.forEach(unlocked, streams::lock).chain(() -> history.newest(tag.id))
                    .map(newest -> new Resolved(name -> new TagSpec(name,
                            new TagReference(TagReference.Kind.ImageStreamTag, source.namespace(),
                                    source.imageStream() + ":" + source.tag()),
                            false, command.referencePolicy(), ImportPolicy.DEFAULT),
                            newest == null ? null : newest.pointer(), TagChangeCause.ALIAS, chain));
        }));
    }

    /** An image from any history of the stream, also one no tag points at any more. */
    private Uni<Resolved> streamImage(TagCommand command, StreamImageRef source) {
        return existingStream(source.namespace(), source.imageStream())
                .chain(stream -> history.withDigest(stream.id, source.digest()))
                .map(items -> {
                    if (items.isEmpty()) {
                        throw new NotFoundException("from.name", "image " + source.digest() + " is in no tag history of "
                                + source.namespace() + "/" + source.imageStream());
                    }
                    return streamImageResolved(command, source, items.get(0));
                });
    }

    private static Resolved streamImageResolved(TagCommand command, StreamImageRef source, HistoryItem item) {
        return new Resolved(name -> new TagSpec(name,
                new TagReference(TagReference.Kind.ImageStreamImage, source.namespace(), source.name()),
                false, command.referencePolicy(), ImportPolicy.DEFAULT), item.pointer(), TagChangeCause.TAG);
    }

    /** Gives the destination its spec, ends any hold (the user says where it points now) and points it. */
    private Uni<Void> tagOne(ImageStream stream, StreamTagRef destination, int index, Resolved resolved,
            Instant now) {
        refuseCycle(destination, index, resolved.chain());
        ValidSpec valid = SpecTagValidator.validate(resolved.spec().apply(destination.tag()), "");
        return tags.findByName(stream.id, destination.tag())
                .chain(existing -> existing == null
                        ? specTags.create(stream, valid, now)
                        : specTags.change(stream, existing, valid, now))
                .chain(tag -> {
                    tag.release();
                    return resolved.image() == null
                            ? Uni.createFrom().voidItem()
                            : pointer.point(stream, tag, resolved.image(), resolved.cause(), now).replaceWithVoid();
                });
    }

    /** A destination the source follows, itself included, would follow itself. */
    private static void refuseCycle(StreamTagRef destination, int index, List<AliasChain.Link> chain) {
        int position = indexOf(chain, destination);
        if (position >= 0) {
            throw new ConflictException("to[" + index + "]", "making " + destination.key() + " an alias of "
                    + chain.get(0).tag().key() + " would make a cycle: " + destination.key() + " → "
                    + AliasChain.describe(chain.subList(0, position + 1)));
        }
    }

    private Uni<StreamTag> existingTag(StreamTagRef ref) {
        return existingStream(ref.namespace(), ref.imageStream()).chain(stream -> tags.findByName(stream.id, ref.tag()))
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

    private static int indexOf(List<AliasChain.Link> chain, StreamTagRef tag) {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).tag().equals(tag)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Integer> indexes(List<?> list) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            indexes.add(i);
        }
        return indexes;
    }

    private static String streamKey(StreamTagRef ref) {
        return ref.namespace() + "/" + ref.imageStream();
    }
}
