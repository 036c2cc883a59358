package dev.tagline.tags.api;

import dev.tagline.events.EventJson;
import dev.tagline.events.Platform;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.TagSpec;
import dev.tagline.tags.domain.HistoryItem;
import dev.tagline.tags.domain.Image;
import dev.tagline.tags.domain.ImageStream;
import dev.tagline.tags.domain.PullSpecs;
import dev.tagline.tags.domain.StreamTag;
import dev.tagline.tags.domain.TagCondition;
import dev.tagline.tags.store.ConditionRepository;
import dev.tagline.tags.store.HistoryRepository;
import dev.tagline.tags.store.ImageRepository;
import dev.tagline.tags.store.ImageStreamRepository;
import dev.tagline.tags.store.StreamTagRepository;
import dev.tagline.web.NotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads streams, tags and images from the store and shapes them as the API shows them. */
@ApplicationScoped
public class ImageStreamViews {

    /** Items per tag in a stream's status; the tag itself pages through all of them. */
    static final int STATUS_ITEMS_PER_TAG = 10;

    private final ImageStreamRepository streams;
    private final StreamTagRepository tags;
    private final HistoryRepository history;
    private final ConditionRepository conditions;
    private final ImageRepository images;
    private final PullSpecs pullSpecs;

    public ImageStreamViews(
            ImageStreamRepository streams,
            StreamTagRepository tags,
            HistoryRepository history,
            ConditionRepository conditions,
            ImageRepository images,
            PullSpecs pullSpecs) {
        this.streams = streams;
        this.tags = tags;
        this.history = history;
        this.conditions = conditions;
        this.images = images;
        this.pullSpecs = pullSpecs;
    }

    @WithSession
    public Uni<List<ImageStreamView>> list(String namespace) {
        return streams.listInNamespace(namespace).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(List.<ImageStreamView>of());
            }
            List<Long> ids = found.stream().map(stream -> stream.id).toList();
            return tags.listOfStreams(ids)
                    .chain(allTags -> statusOf(allTags).map(status -> {
                        Map<Long, List<StreamTag>> tagsByStream =
                                allTags.stream().collect(Collectors.groupingBy(tag -> tag.streamId));
                        return found.stream()
                                .map(stream -> view(stream, tagsByStream.getOrDefault(stream.id, List.of()), status))
                                .toList();
                    }));
        });
    }

    @WithSession
    public Uni<ImageStreamView> get(String namespace, String name) {
        return existingStream(namespace, name)
                .chain(stream -> tags.listOfStream(stream.id)
                        .chain(streamTags -> statusOf(streamTags).map(status -> view(stream, streamTags, status))));
    }

    @WithSession
    public Uni<ImageStreamTagView> tag(StreamTagRef ref, Long before, int limit) {
        return existingStream(ref.namespace(), ref.imageStream())
                .chain(stream -> tags.findByName(stream.id, ref.tag()).chain(tag -> {
                    if (tag == null) {
                        throw new NotFoundException("tag", "image stream tag " + ref.key() + " not found");
                    }
                    return history.newest(tag.id)
                            .chain(newest -> history.page(tag.id, before, limit + 1)
                                    .chain(page -> conditions
                                            .ofTags(List.of(tag.id))
                                            .chain(tagConditions -> pendingOf(tag)
                                                    .chain(held -> imageOf(newest)
                                                            .map(image -> tagView(
                                                                    stream,
                                                                    tag,
                                                                    new Current(newest, image, held),
                                                                    page,
                                                                    limit,
                                                                    tagConditions))))));
                }));
    }

    @WithSession
    public Uni<ImageStreamImageView> image(String namespace, String name, String digest) {
        return existingStream(namespace, name)
                .chain(stream -> history.withDigest(stream.id, digest).chain(items -> {
                    if (items.isEmpty()) {
                        throw new NotFoundException(
                                "digest", "image " + digest + " is in no tag history of " + namespace + "/" + name);
                    }
                    return images.findById(digest)
                            .chain(image ->
                                    tags.listOfStream(stream.id).map(live -> imageView(stream, items, image, live)));
                }));
    }

    private Uni<ImageStream> existingStream(String namespace, String name) {
        return streams.findByName(namespace, name).map(stream -> {
            if (stream == null) {
                throw new NotFoundException("name", "image stream " + namespace + "/" + name + " not found");
            }
            return stream;
        });
    }

    private record Status(Map<Long, List<HistoryItem>> items, Map<Long, List<TagCondition>> conditions) {}

    private Uni<Status> statusOf(List<StreamTag> streamTags) {
        if (streamTags.isEmpty()) {
            return Uni.createFrom().item(new Status(Map.of(), Map.of()));
        }
        List<Long> ids = streamTags.stream().map(tag -> tag.id).toList();
        return history.recentOfTags(ids, STATUS_ITEMS_PER_TAG)
                .chain(items -> conditions
                        .ofTags(ids)
                        .map(found -> new Status(
                                items.stream().collect(Collectors.groupingBy(item -> item.streamTagId)),
                                found.stream().collect(Collectors.groupingBy(condition -> condition.streamTagId)))));
    }

    private static ImageStreamView view(ImageStream stream, List<StreamTag> streamTags, Status status) {
        List<TagSpec> specs = streamTags.stream()
                .map(StreamTag::spec)
                .flatMap(Optional::stream)
                .toList();
        List<ImageStreamView.StatusTag> statusTags = streamTags.stream()
                .filter(tag -> status.items().containsKey(tag.id)
                        || status.conditions().containsKey(tag.id))
                .map(tag -> new ImageStreamView.StatusTag(
                        tag.name,
                        status.items().getOrDefault(tag.id, List.of()).stream()
                                .sorted(Comparator.comparingLong((HistoryItem item) -> item.generation)
                                        .reversed())
                                .map(HistoryItemView::of)
                                .toList(),
                        conditionsOf(tag, status.conditions().getOrDefault(tag.id, List.of()))))
                .toList();
        return new ImageStreamView(
                stream.namespace,
                stream.name,
                stream.generation,
                stream.createdAt,
                new ImageStreamView.Spec(specs),
                new ImageStreamView.Status(statusTags));
    }

    private Uni<HistoryItem> pendingOf(StreamTag tag) {
        return tag.held()
                ? history.newestHeldAfter(tag.id, tag.holdGeneration)
                : Uni.createFrom().nullItem();
    }

    private Uni<Image> imageOf(HistoryItem newest) {
        return newest == null ? Uni.createFrom().nullItem() : images.findById(newest.digest);
    }

    /** The conditions recorded against the tag's source, and {@code Held} while the tag is held. */
    private static List<ConditionView> conditionsOf(StreamTag tag, List<TagCondition> recorded) {
        List<ConditionView> shown =
                new ArrayList<>(recorded.stream().map(ConditionView::of).toList());
        if (tag.held()) {
            shown.add(ConditionView.held(tag));
        }
        return shown;
    }

    /**
     * What a tag points at: its newest item that is not held, that item's image, and, while the tag is held,
     * the newest item recorded since the hold.
     */
    private record Current(HistoryItem newest, Image image, HistoryItem pending) {}

    private ImageStreamTagView tagView(
            ImageStream stream,
            StreamTag tag,
            Current current,
            List<HistoryItem> page,
            int limit,
            List<TagCondition> tagConditions) {
        boolean more = page.size() > limit;
        List<HistoryItem> shown = more ? page.subList(0, limit) : page;
        HistoryItem newest = current.newest();
        Image image = current.image();
        ImageStreamTagView.Image pointedAt = newest == null
                ? null
                : new ImageStreamTagView.Image(
                        newest.digest,
                        pullSpecs.of(stream, tag, newest.digest, newest.dockerImageReference),
                        image == null ? null : image.mediaType,
                        image == null ? null : image.size);
        ImageStreamTagView.Hold hold = tag.held()
                ? new ImageStreamTagView.Hold(
                        tag.heldSince,
                        tag.holdGeneration,
                        current.pending() == null ? null : HistoryItemView.of(current.pending()))
                : null;
        return new ImageStreamTagView(
                stream.namespace,
                stream.name + ":" + tag.name,
                tag.spec().orElse(null),
                pointedAt,
                newest == null ? null : newest.generation,
                shown.stream().map(HistoryItemView::of).toList(),
                conditionsOf(tag, tagConditions),
                hold,
                more ? shown.get(shown.size() - 1).generation : null);
    }

    private static ImageStreamImageView imageView(
            ImageStream stream, List<HistoryItem> items, Image image, List<StreamTag> live) {
        Map<Long, String> liveNames = live.stream().collect(Collectors.toMap(tag -> tag.id, tag -> tag.name));
        List<String> holding = items.stream()
                .filter(item -> item.streamTagId != null && liveNames.containsKey(item.streamTagId))
                .map(item -> liveNames.get(item.streamTagId))
                .distinct()
                .sorted()
                .toList();
        HistoryItem newest = items.get(0);
        List<Platform> platforms =
                image == null ? List.of() : List.of(EventJson.read(image.platformsJson, Platform[].class));
        return new ImageStreamImageView(
                stream.namespace,
                stream.name + "@" + newest.digest,
                new ImageStreamImageView.Image(
                        newest.digest,
                        newest.dockerImageReference,
                        image == null ? null : image.mediaType,
                        image == null ? null : image.size,
                        platforms),
                holding,
                items.stream().map(HistoryItemView::of).toList());
    }
}
