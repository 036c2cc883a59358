package dev.tagline.tags.service;

import dev.tagline.events.StreamTagRef;
import dev.tagline.support.time.Timestamps;
import dev.tagline.tags.domain.ImageStream;
import dev.tagline.tags.domain.PullSpecs;
import dev.tagline.tags.domain.Sequentially;
import dev.tagline.tags.domain.SpecTagValidator;
import dev.tagline.tags.domain.TagCommand;
import dev.tagline.tags.domain.ValidSpec;
import dev.tagline.tags.store.ImageStreamRepository;
import dev.tagline.tags.store.StreamTagRepository;
import dev.tagline.web.ConflictException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Tags without re-pushing, as {@code oc tag} does: from a registry image, from another stream tag (a snapshot
 * of its image now, or an alias that follows it), or from a stream image, into one or more destinations
 * across streams and namespaces, in one transaction. Destination streams are created when missing, as
 * {@code oc tag} does.
 */
@ApplicationScoped
public class TagOperations {

    private final ImageStreamRepository streams;
    private final StreamTagRepository tags;
    private final TagSources sources;
    private final SpecTags specTags;
    private final TagPointer pointer;
    private final PullSpecs pullSpecs;

    public TagOperations(
            ImageStreamRepository streams,
            StreamTagRepository tags,
            TagSources sources,
            SpecTags specTags,
            TagPointer pointer,
            PullSpecs pullSpecs) {
        this.streams = streams;
        this.tags = tags;
        this.sources = sources;
        this.specTags = specTags;
        this.pointer = pointer;
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
        List<StreamTagRef> to = command.to();
        return destinationStreams(to, now)
                .chain(destinations -> sources.streamIds(command).chain(sourceIds -> {
                    TreeSet<Long> locked = new TreeSet<>(sourceIds);
                    destinations.values().forEach(stream -> locked.add(stream.id));
                    // With every stream the moves reach through aliases, in id order, as every writer takes them.
                    return streams.lockWithAliases(locked)
                            .chain(() -> sources.resolve(command, locked, now))
                            .chain(resolved -> Sequentially.forEach(
                                    IntStream.range(0, to.size()).boxed().toList(),
                                    i -> tagOne(destinations.get(streamKey(to.get(i))), to.get(i), i, resolved, now)))
                            .replaceWith(to);
                }));
    }

    /** Creates the missing destination streams, in name order so that two concurrent creators cannot deadlock. */
    private Uni<Map<String, ImageStream>> destinationStreams(List<StreamTagRef> to, Instant now) {
        List<String> keys =
                to.stream().map(TagOperations::streamKey).distinct().sorted().toList();
        Map<String, ImageStream> byKey = new HashMap<>();
        return Sequentially.forEach(keys, key -> {
                    String[] names = key.split("/");
                    return streams.findOrCreate(names[0], names[1], now).invoke(stream -> byKey.put(key, stream));
                })
                .replaceWith(byKey);
    }

    /** Gives the destination its spec, ends any hold (the user says where it points now) and points it. */
    private Uni<Void> tagOne(
            ImageStream stream, StreamTagRef destination, int index, TagSources.Resolved resolved, Instant now) {
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
                            : pointer.pointUnderPolicy(stream, tag, resolved.image(), resolved.cause(), now);
                });
    }

    /** A destination among the tags the alias source follows, the source itself included, would follow itself. */
    private static void refuseCycle(StreamTagRef destination, int index, List<AliasChain.Link> chain) {
        for (int position = 0; position < chain.size(); position++) {
            if (chain.get(position).tag().equals(destination)) {
                throw new ConflictException(
                        "to[" + index + "]",
                        "making " + destination.key() + " an alias of "
                                + chain.get(0).tag().key() + " would make a cycle: " + destination.key() + " → "
                                + AliasChain.describe(chain.subList(0, position + 1)));
            }
        }
    }

    private static String streamKey(StreamTagRef ref) {
        return ref.namespace() + "/" + ref.imageStream();
    }
}
