package dev.tagline.tags.service;

import dev.tagline.events.StreamTagRef;
import dev.tagline.events.TagChangeCause;
import dev.tagline.support.time.Timestamps;
import dev.tagline.tags.domain.HistoryItem;
import dev.tagline.tags.domain.ImageStream;
import dev.tagline.tags.domain.RollbackTarget;
import dev.tagline.tags.domain.StreamTag;
import dev.tagline.tags.store.HistoryRepository;
import dev.tagline.tags.store.ImageStreamRepository;
import dev.tagline.tags.store.StreamTagRepository;
import dev.tagline.web.NotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Rolls a tag back to an earlier item of its history, as a new item with cause {@code rollback}, and holds
 * it there when asked: a held tag records what its source is seen at without moving, until released.
 */
@ApplicationScoped
public class Rollbacks {

    private final ImageStreamRepository streams;
    private final StreamTagRepository tags;
    private final HistoryRepository history;
    private final TagPointer pointer;

    public Rollbacks(
            ImageStreamRepository streams, StreamTagRepository tags, HistoryRepository history, TagPointer pointer) {
        this.streams = streams;
        this.tags = tags;
        this.history = history;
        this.pointer = pointer;
    }

    /**
     * Points the tag at the item's image again. Afterwards the tag is held exactly when {@code hold} is set:
     * a rollback without hold is a move the next observation of the source may override, and ends a hold.
     * A tag held already stays held since its first hold, so that a release still sees what was recorded
     * since then.
     */
    @WithTransaction
    public Uni<Void> rollback(StreamTagRef ref, RollbackTarget target, boolean hold) {
        Instant now = Timestamps.now();
        return locked(ref)
                .chain(found -> itemOf(found.tag(), target)
                        .map(item -> {
                            if (item == null || item.held) {
                                throw new NotFoundException(
                                        target.field(),
                                        "image stream tag " + ref.key()
                                                + " never pointed at " + target.describe()
                                                + (item == null
                                                        ? ""
                                                        : "; it was recorded while the tag was held: release the hold"));
                            }
                            return item;
                        })
                        .chain(item -> pointer.point(
                                found.stream(), found.tag(), item.pointer(), TagChangeCause.ROLLBACK, now))
                        .invoke(current -> {
                            if (hold) {
                                found.tag().hold(current.generation, now);
                            } else {
                                found.tag().release();
                            }
                        }))
                .replaceWithVoid();
    }

    /**
     * Ends the hold: the tag moves to the newest image its source was seen at while it was held (under an image
     * policy, the newest verified one), as a new item with that observation's cause, unless it points there
     * already. A tag that is not held is left as it is.
     */
    @WithTransaction
    public Uni<Void> release(StreamTagRef ref) {
        Instant now = Timestamps.now();
        return locked(ref).chain(found -> {
            StreamTag tag = found.tag();
            if (!tag.held()) {
                return Uni.createFrom().voidItem();
            }
            long since = tag.holdGeneration;
            tag.release();
            return history.newestHeldAfter(tag.id, since)
                    .chain(pending -> pending == null
                            ? Uni.createFrom().voidItem()
                            : pointer.point(found.stream(), tag, pending.pointer(), pending.cause, now)
                                    .invoke(moved -> carryVerdict(pending, moved))
                                    .replaceWithVoid());
        });
    }

    /**
     * Under an image policy, the item a release adds shows the verdict of the held item it moved to; an item the tag
     * pointed at already (older than the held one) is history and stays as it was.
     */
    private static void carryVerdict(HistoryItem held, HistoryItem moved) {
        if (held.verification != null && moved.generation > held.generation) {
            moved.verificationKey = held.verificationKey;
            moved.verificationMessage = held.verificationMessage;
            moved.verification = held.verification;
        }
    }

    private record Found(ImageStream stream, StreamTag tag) {}

    private Uni<Found> locked(StreamTagRef ref) {
        return streams.findByName(ref.namespace(), ref.imageStream()).chain(stream -> {
            if (stream == null) {
                throw new NotFoundException(
                        "name", "image stream " + ref.namespace() + "/" + ref.imageStream() + " not found");
            }
            return streams.lock(stream.id)
                    .chain(() -> tags.findByName(stream.id, ref.tag()))
                    .map(tag -> {
                        if (tag == null) {
                            throw new NotFoundException("tag", "image stream tag " + ref.key() + " not found");
                        }
                        return new Found(stream, tag);
                    });
        });
    }

    private Uni<HistoryItem> itemOf(StreamTag tag, RollbackTarget target) {
        return target.digest() != null
                ? history.ofTagWithDigest(tag.id, target.digest())
                : history.ofTagAtGeneration(tag.id, target.generation());
    }
}
