package dev.tagline.tags.service;

import dev.tagline.events.RegistryTagChanged;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.TagReference;
import dev.tagline.events.TagSpec;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.tags.domain.ImageStream;
import dev.tagline.tags.domain.IntegratedRegistries;
import dev.tagline.tags.domain.Sequentially;
import dev.tagline.tags.domain.StreamTag;
import dev.tagline.tags.domain.ValidSpec;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds the stream tags an observation of a registry tag concerns: every spec tag that follows it, the
 * target an on-demand import named, and the tag a push to an integrated registry is.
 */
@ApplicationScoped
public class AffectedTags {

    /**
     * A tag and its stream.
     *
     * @param follower concerned only because it follows the source, which a concurrent change may undo
     */
    public record Affected(ImageStream stream, StreamTag tag, boolean follower) {}

    private final ImageStreamRepository streams;
    private final StreamTagRepository tags;
    private final IntegratedRegistries integratedRegistries;
    private final SpecTags specTags;

    public AffectedTags(
            ImageStreamRepository streams,
            StreamTagRepository tags,
            IntegratedRegistries integratedRegistries,
            SpecTags specTags) {
        this.streams = streams;
        this.tags = tags;
        this.integratedRegistries = integratedRegistries;
        this.specTags = specTags;
    }

    /**
     * The tags an image observation moves, creating the named target and integrated tags when missing. An
     * import into an existing target makes the target follow the imported source, as {@code oc import-image
     * --from} does, so that the old source's next push does not move it back.
     */
    public Uni<List<Affected>> toMove(ImageReference source, RegistryTagChanged.Target target, Instant now) {
        Uni<Optional<StreamTag>> targetTag = target == null
                ? Uni.createFrom().item(Optional.empty())
                : followingFromNowOn(target, source, now).map(Optional::of);
        Uni<Optional<StreamTag>> integratedTag = integratedRegistries
                .streamTagOf(source)
                .map(ref -> findOrCreateStatusOnly(ref, now).map(Optional::of))
                .orElse(Uni.createFrom().item(Optional.empty()));
        return withFollowers(source, targetTag, integratedTag);
    }

    /**
     * Locks, before any is created or moved, the streams whose tags an observation may move: the target's, the
     * integrated registry's, the followers', and those of their aliases, in id order (see
     * {@link ImageStreamRepository#lockWithAliases}).
     */
    public Uni<Void> lockConcerned(ImageReference source, RegistryTagChanged.Target target) {
        List<StreamTagRef> named = new ArrayList<>();
        if (target != null) {
            named.add(new StreamTagRef(target.namespace(), target.imageStream(), target.tag()));
        }
        integratedRegistries.streamTagOf(source).ifPresent(named::add);
        Set<Long> ids = new TreeSet<>();
        return Sequentially.forEach(
                        named,
                        ref -> streams.findByName(ref.namespace(), ref.imageStream())
                                .invoke(stream -> {
                                    if (stream != null) {
                                        ids.add(stream.id);
                                    }
                                })
                                .replaceWithVoid())
                .chain(() -> tags.followingSource(source.tagKey()))
                .chain(followers -> {
                    followers.forEach(tag -> ids.add(tag.streamId));
                    return ids.isEmpty() ? Uni.createFrom().voidItem() : streams.lockWithAliases(ids);
                });
    }

    /** The existing tags an observation about the source concerns; creates nothing. */
    public Uni<List<Affected>> existing(ImageReference source, StreamTagRef target) {
        Uni<Optional<StreamTag>> targetTag = find(Optional.ofNullable(target));
        Uni<Optional<StreamTag>> integratedTag = find(integratedRegistries.streamTagOf(source));
        return withFollowers(source, targetTag, integratedTag);
    }

    /** The named tags first, then every spec tag that follows the source. */
    private Uni<List<Affected>> withFollowers(
            ImageReference source, Uni<Optional<StreamTag>> targetTag, Uni<Optional<StreamTag>> integratedTag) {
        return targetTag.chain(first -> integratedTag.chain(second ->
                tags.followingSource(source.tagKey()).chain(followers -> withStreams(followers, first, second))));
    }

    private Uni<Optional<StreamTag>> find(Optional<StreamTagRef> ref) {
        if (ref.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        StreamTagRef r = ref.get();
        return streams.findByName(r.namespace(), r.imageStream())
                .chain(stream -> stream == null ? Uni.createFrom().nullItem() : tags.findByName(stream.id, r.tag()))
                .map(Optional::ofNullable);
    }

    /**
     * The target's spec tag, made to follow the source with the policies the target names; a policy it leaves
     * null stays as the tag had it. A tag that follows the source already keeps its own spelling of it, so an
     * import that names no policy changes and publishes nothing.
     */
    private Uni<StreamTag> followingFromNowOn(RegistryTagChanged.Target target, ImageReference source, Instant now) {
        return streams.findOrCreateLocked(target.namespace(), target.imageStream(), now)
                .chain(stream -> tags.findByName(stream.id, target.tag()).chain(existing -> {
                    Optional<TagSpec> before = existing == null ? Optional.empty() : existing.spec();
                    boolean followsSource =
                            before.isPresent() && source.tagKey().equals(existing.sourceKey);
                    TagReference from = followsSource
                            ? before.get().from()
                            : new TagReference(TagReference.Kind.DockerImage, null, source.tagKey());
                    ValidSpec spec = new ValidSpec(
                            new TagSpec(
                                    target.tag(),
                                    from,
                                    before.map(TagSpec::reference).orElse(false),
                                    target.referencePolicy() != null
                                            ? target.referencePolicy()
                                            : before.map(TagSpec::referencePolicy)
                                                    .orElse(null),
                                    target.importPolicy() != null
                                            ? target.importPolicy()
                                            : before.map(TagSpec::importPolicy).orElse(null)),
                            source.tagKey());
                    return existing == null
                            ? specTags.create(stream, spec, now)
                            : specTags.change(stream, existing, spec, now);
                }));
    }

    private Uni<StreamTag> findOrCreateStatusOnly(StreamTagRef ref, Instant now) {
        return streams.findOrCreateLocked(ref.namespace(), ref.imageStream(), now)
                .chain(stream -> tags.findByName(stream.id, ref.tag())
                        .chain(existing -> existing != null
                                ? Uni.createFrom().item(existing)
                                : tags.persist(StreamTag.statusOnly(stream.id, ref.tag(), now))));
    }

    /**
     * Pairs each tag with its stream, in stream id order: every writer that moves several tags locks
     * their streams in that order.
     */
    private Uni<List<Affected>> withStreams(
            List<StreamTag> followers, Optional<StreamTag> target, Optional<StreamTag> integrated) {
        Map<Long, Boolean> followerOnly = new LinkedHashMap<>();
        Map<Long, StreamTag> byId = new LinkedHashMap<>();
        for (Optional<StreamTag> named : List.of(target, integrated)) {
            named.ifPresent(tag -> {
                byId.put(tag.id, tag);
                followerOnly.put(tag.id, false);
            });
        }
        followers.forEach(tag -> {
            byId.putIfAbsent(tag.id, tag);
            followerOnly.putIfAbsent(tag.id, true);
        });
        if (byId.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> streamIds =
                byId.values().stream().map(tag -> tag.streamId).distinct().toList();
        return streams.list("id in ?1", streamIds).map(found -> {
            Map<Long, ImageStream> streamsById = found.stream().collect(Collectors.toMap(s -> s.id, s -> s));
            List<Affected> ordered = new ArrayList<>(byId.values().stream()
                    .map(tag -> new Affected(streamsById.get(tag.streamId), tag, followerOnly.get(tag.id)))
                    .toList());
            ordered.sort(Comparator.comparing((Affected a) -> a.tag().streamId).thenComparing(a -> a.tag().name));
            return ordered;
        });
    }
}
