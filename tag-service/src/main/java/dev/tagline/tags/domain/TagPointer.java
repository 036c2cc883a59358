package dev.tagline.tags.domain;

import dev.tagline.events.ImagePointer;
import dev.tagline.events.ImageStreamTagUpdated;
import dev.tagline.events.StreamImage;
import dev.tagline.events.TagChangeCause;
import dev.tagline.tags.store.HistoryRepository;
import dev.tagline.tags.store.ImageRepository;
import dev.tagline.tags.store.ImageStreamRepository;
import dev.tagline.tags.store.StreamTagRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Points tags at images. A move appends one history item and publishes one {@code tag.updated}, then every
 * alias of the moved tag observes the new image in turn. While a tag is held, what its source is seen at is
 * recorded as a held item instead: it does not move the tag and publishes nothing. The caller holds the lock
 * of the tag's stream; the streams of aliases are locked here.
 */
@ApplicationScoped
public class TagPointer {

    private final ImageStreamRepository streams;
    private final StreamTagRepository tags;
    private final HistoryRepository history;
    private final ImageRepository images;
    private final TagEvents events;
    private final PullSpecs pullSpecs;

    public TagPointer(ImageStreamRepository streams, StreamTagRepository tags, HistoryRepository history,
            ImageRepository images, TagEvents events, PullSpecs pullSpecs) {
        this.streams = streams;
        this.tags = tags;
        this.history = history;
        this.images = images;
        this.events = events;
        this.pullSpecs = pullSpecs;
    }

    /**
     * A user's move (tagging, rollback, release), made even while the tag is held; nothing when the tag
     * already points at the image.
     *
     * @param image digest and the pull spec recorded for it in its source registry; the digest is a known image
     * @return the item the tag points at afterwards
     */
    public Uni<HistoryItem> point(ImageStream stream, StreamTag tag, ImagePointer image, TagChangeCause cause,
            Instant now) {
        return history.newest(tag.id).chain(current -> pointsAt(current, image)
                ? Uni.createFrom().item(current)
                : images.findById(image.digest()).chain(known -> move(stream, tag, current, image,
                        known == null ? null : known.mediaType, cause, now, new HashSet<>())));
    }

    /**
     * What the tag follows was seen at the image: the tag moves unless it points there already or is held.
     * The caller has reloaded the tag under its stream's lock, so its hold is current.
     *
     * @param mediaType what is known of the image's media type
     * @return whether the tag moved
     */
    public Uni<Boolean> observe(ImageStream stream, StreamTag tag, ImagePointer image, String mediaType,
            TagChangeCause cause, Instant now) {
        return observe(stream, tag, image, mediaType, cause, now, new HashSet<>());
    }

    private Uni<Boolean> observe(ImageStream stream, StreamTag tag, ImagePointer image, String mediaType,
            TagChangeCause cause, Instant now, Set<Long> moved) {
        if (tag.held()) {
            // Compared with the newest item, held or not, so that a source seen again at the same image adds nothing.
            return history.newestRecorded(tag.id).chain(last -> pointsAt(last, image)
                    ? Uni.createFrom().item(false)
                    : recordHeld(stream, tag, image, cause, now).replaceWith(false));
        }
        return history.newest(tag.id).chain(current -> pointsAt(current, image)
                ? Uni.createFrom().item(false)
                : move(stream, tag, current, image, mediaType, cause, now, moved).replaceWith(true));
    }

    private static boolean pointsAt(HistoryItem item, ImagePointer image) {
        return item != null && item.digest.equals(image.digest());
    }

    private Uni<HistoryItem> move(ImageStream stream, StreamTag tag, HistoryItem previous, ImagePointer image,
            String mediaType, TagChangeCause cause, Instant now, Set<Long> moved) {
        return streams.nextGeneration(stream.id).chain(generation -> {
            HistoryItem item = HistoryItem.of(tag, generation, image.digest(), image.dockerImageReference(), cause,
                    now, false);
            ImageStreamTagUpdated updated = new ImageStreamTagUpdated(stream.namespace, stream.name, tag.name,
                    generation, new StreamImage(item.digest,
                            pullSpecs.of(stream, tag, item.digest, item.dockerImageReference), mediaType),
                    previous == null ? null : pullSpecs.pointer(stream, tag, previous), cause, now);
            return history.persist(item)
                    .chain(() -> events.updated(updated))
                    .chain(() -> followAliases(stream, tag, image, mediaType, now, moved))
                    .replaceWith(item);
        });
    }

    private Uni<Void> recordHeld(ImageStream stream, StreamTag tag, ImagePointer image, TagChangeCause cause,
            Instant now) {
        return streams.nextGeneration(stream.id)
                .chain(generation -> history.persist(HistoryItem.of(tag, generation, image.digest(),
                        image.dockerImageReference(), cause, now, true)))
                .replaceWithVoid();
    }

    /**
     * Every alias of the moved tag observes its image, and their aliases theirs. A tag moves at most once per
     * change, so that even a cycle that slipped past the check at creation ends.
     */
    private Uni<Void> followAliases(ImageStream stream, StreamTag tag, ImagePointer image, String mediaType,
            Instant now, Set<Long> moved) {
        moved.add(tag.id);
        String source = stream.name + ":" + tag.name;
        return tags.aliasesOf(stream.namespace, source).chain(aliases -> Sequentially.forEach(aliases,
                alias -> streams.findById(alias.streamId).chain(aliasStream -> streams.lock(aliasStream.id)
                        .chain(() -> tags.reload(alias))
                        .chain(exists -> exists && alias.isAliasOf(stream.namespace, source)
                                && !moved.contains(alias.id)
                                ? observe(aliasStream, alias, image, mediaType, TagChangeCause.ALIAS, now, moved)
                                : Uni.createFrom().item(false)))));
    }
}
