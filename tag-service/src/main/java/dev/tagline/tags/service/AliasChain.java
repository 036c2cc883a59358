package dev.tagline.tags.service;

import dev.tagline.events.StreamTagRef;
import dev.tagline.events.TagReference;
import dev.tagline.tags.domain.StreamNames;
import dev.tagline.tags.store.ImageStreamRepository;
import dev.tagline.tags.store.StreamTagRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The stream tags a tag follows through aliases, across streams and namespaces, to refuse a cycle before it is made. */
@ApplicationScoped
public class AliasChain {

    /**
     * One stream tag of the chain.
     *
     * @param streamId null when the stream does not exist
     */
    public record Link(StreamTagRef tag, Long streamId) {}

    private final ImageStreamRepository streams;
    private final StreamTagRepository tags;

    public AliasChain(ImageStreamRepository streams, StreamTagRepository tags) {
        this.streams = streams;
        this.tags = tags;
    }

    /**
     * The start, then the tag it is an alias of, and so on, until a tag that is no alias or does not exist.
     * A chain that comes back to a tag already in it ends there.
     */
    public Uni<List<Link>> from(StreamTagRef start) {
        return extend(new ArrayList<>(), start);
    }

    private Uni<List<Link>> extend(List<Link> chain, StreamTagRef next) {
        if (chain.stream().anyMatch(link -> link.tag().equals(next))) {
            return Uni.createFrom().item(chain);
        }
        return streams.findByName(next.namespace(), next.imageStream()).chain(stream -> {
            chain.add(new Link(next, stream == null ? null : stream.id));
            if (stream == null) {
                return Uni.createFrom().item(chain);
            }
            return tags.findByName(stream.id, next.tag())
                    .chain(tag -> tag == null
                            ? Uni.createFrom().item(chain)
                            // Reloaded: a walk repeated under the streams' locks must see what other writers committed.
                            : tags.reload(tag)
                                    .chain(exists -> !exists || tag.fromKind != TagReference.Kind.ImageStreamTag
                                            ? Uni.createFrom().item(chain)
                                            : extend(
                                                    chain,
                                                    StreamNames.streamTag(
                                                            tag.fromNamespace, tag.fromName, "from.name"))));
        });
    }

    /** {@code ns/stream:tag → ns/stream:tag → …}, for messages. */
    public static String describe(List<Link> chain) {
        return String.join(" → ", chain.stream().map(link -> link.tag().key()).toList());
    }
}
