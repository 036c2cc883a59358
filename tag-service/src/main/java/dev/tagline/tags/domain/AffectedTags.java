package dev.tagline.tags.domain;

import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagSpecChanged;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.TagReference;
import dev.tagline.events.TagSpec;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.tags.store.ImageStreamRepository;
import dev.tagline.tags.store.StreamTagRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the stream tags an observation of a registry tag concerns: every spec tag that follows it, the
 * target an on-demand import named, and the tag a push to an integrated registry is.
 */
@ApplicationScoped
public class AffectedTags {

    private final ImageStreamRepository streams;
    private final StreamTagRepository tags;
    private final IntegratedRegistries integratedRegistries;
    private final OutboxWriter outbox;

    public AffectedTags(ImageStreamRepository streams, StreamTagRepository tags,
            IntegratedRegistries integratedRegistries, OutboxWriter outbox) {
        this.streams = streams;
        this.tags = tags;
        this.integratedRegistries = integratedRegistries;
        this.outbox = outbox;
    }

    /** The tags an image observation moves, creating the named target and integrated tags when missing. */
    public Uni<List<StreamTag>> toMove(ImageReference source, StreamTagRef target, Instant now) {
        Uni<Optional<StreamTag>> targetTag = target == null
                ? Uni.createFrom().item(Optional.empty())
                : findOrCreateFollowing(target, source, now).map(Optional::of);
        Uni<Optional<StreamTag>> integratedTag = integratedRegistries.streamTagOf(source)
                .map(ref -> findOrCreateStatusOnly(ref, now).map(Optional::of))
                .orElse(Uni.createFrom().item(Optional.empty()));
        return targetTag.chain(first -> integratedTag.chain(second -> tags.followingSource(source.tagKey())
                .map(followers -> distinctInLockOrder(followers, first, second))));
    }

    /** The existing tags an observation about the source concerns; creates nothing. */
    public Uni<List<StreamTag>> existing(ImageReference source, StreamTagRef target) {
        Uni<Optional<StreamTag>> targetTag = find(Optional.ofNullable(target));
        Uni<Optional<StreamTag>> integratedTag = find(integratedRegistries.streamTagOf(source));
        return targetTag.chain(first -> integratedTag.chain(second -> tags.followingSource(source.tagKey())
                .map(followers -> distinctInLockOrder(followers, first, second))));
    }

    private Uni<Optional<StreamTag>> find(Optional<StreamTagRef> ref) {
        if (ref.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        StreamTagRef r = ref.get();
        return streams.findByName(r.namespace(), r.imageStream())
                .chain(stream -> stream == null
                        ? Uni.createFrom().nullItem()
                        : tags.findByName(stream.id, r.tag()))
                .map(Optional::ofNullable);
    }

    private Uni<StreamTag> findOrCreateFollowing(StreamTagRef target, ImageReference source, Instant now) {
        return streams.findOrCreateLocked(target.namespace(), target.imageStream(), now)
                .chain(stream -> tags.findByName(stream.id, target.tag())
                        .chain(existing -> existing != null
                                ? Uni.createFrom().item(existing)
                                : createFollowing(stream, target.tag(), source, now)));
    }

    private Uni<StreamTag> createFollowing(ImageStream stream, String name, ImageReference source, Instant now) {
        TagSpec spec = new TagSpec(name,
                new TagReference(TagReference.Kind.DockerImage, null, source.name() + ":" + source.tag()),
                false, null, null);
        StreamTag tag = StreamTag.statusOnly(stream.id, name, now);
        tag.applySpec(spec, source.tagKey());
        stream.nextGeneration();
        ImageStreamTagSpecChanged changed = new ImageStreamTagSpecChanged(stream.namespace, stream.name, name,
                ImageStreamTagSpecChanged.Change.CREATED, spec, now);
        return tags.persist(tag)
                .call(() -> outbox.write(EventType.IMAGESTREAM_TAG_SPEC_CHANGED, changed.streamTag().key(), changed,
                        now));
    }

    private Uni<StreamTag> findOrCreateStatusOnly(StreamTagRef ref, Instant now) {
        return streams.findOrCreateLocked(ref.namespace(), ref.imageStream(), now)
                .chain(stream -> tags.findByName(stream.id, ref.tag())
                        .chain(existing -> existing != null
                                ? Uni.createFrom().item(existing)
                                : tags.persist(StreamTag.statusOnly(stream.id, ref.tag(), now))));
    }

    /** Tags are moved in stream order, so that two events moving the same followers lock their streams alike. */
    private static List<StreamTag> distinctInLockOrder(List<StreamTag> followers, Optional<StreamTag> target,
            Optional<StreamTag> integrated) {
        Map<Long, StreamTag> byId = new LinkedHashMap<>();
        target.ifPresent(tag -> byId.put(tag.id, tag));
        integrated.ifPresent(tag -> byId.put(tag.id, tag));
        followers.forEach(tag -> byId.putIfAbsent(tag.id, tag));
        List<StreamTag> ordered = new ArrayList<>(byId.values());
        ordered.sort(Comparator.comparing((StreamTag tag) -> tag.streamId).thenComparing(tag -> tag.name));
        return ordered;
    }
}
