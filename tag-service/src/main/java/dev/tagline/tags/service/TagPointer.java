package dev.tagline.tags.service;

import dev.tagline.events.ImagePointer;
import dev.tagline.events.ImageStreamTagUpdated;
import dev.tagline.events.StreamImage;
import dev.tagline.events.TagChangeCause;
import dev.tagline.tags.domain.HistoryItem;
import dev.tagline.tags.domain.ImageStream;
import dev.tagline.tags.domain.PullSpecs;
import dev.tagline.tags.domain.Sequentially;
import dev.tagline.tags.domain.StreamTag;
import dev.tagline.tags.domain.TagCondition;
import dev.tagline.tags.domain.Verification;
import dev.tagline.tags.store.ConditionRepository;
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
    private final SignatureGate gate;
    private final SignatureCheckRequests checks;
    private final ConditionSetter conditionSetter;
    private final ConditionRepository conditions;

    public TagPointer(
            ImageStreamRepository streams,
            StreamTagRepository tags,
            HistoryRepository history,
            ImageRepository images,
            TagEvents events,
            PullSpecs pullSpecs,
            SignatureGate gate,
            SignatureCheckRequests checks,
            ConditionSetter conditionSetter,
            ConditionRepository conditions) {
        this.streams = streams;
        this.tags = tags;
        this.history = history;
        this.images = images;
        this.events = events;
        this.pullSpecs = pullSpecs;
        this.gate = gate;
        this.checks = checks;
        this.conditionSetter = conditionSetter;
        this.conditions = conditions;
    }

    /**
     * A user's move (tagging, rollback, release), made even while the tag is held; nothing when the tag
     * already points at the image.
     *
     * @param image digest and the pull spec recorded for it in its source registry; the digest is a known image
     * @return the item the tag points at afterwards
     */
    public Uni<HistoryItem> point(
            ImageStream stream, StreamTag tag, ImagePointer image, TagChangeCause cause, Instant now) {
        return history.newest(tag.id)
                .chain(current -> pointsAt(current, image)
                        ? Uni.createFrom().item(current)
                        : images.findById(image.digest())
                                .chain(known -> move(
                                        stream,
                                        tag,
                                        current,
                                        image,
                                        known == null ? null : known.mediaType,
                                        cause,
                                        null,
                                        now,
                                        new HashSet<>())));
    }

    /**
     * A tag operation's move: as {@link #point}, but a tag under an image policy moves only to an image a check
     * verified with one of its keys; to any other, it waits for a verdict as an observation does. Rollbacks and
     * releases use {@link #point}: they return to items the tag pointed at, which were verified when it did, or
     * taken before the policy existed.
     */
    public Uni<Void> pointUnderPolicy(
            ImageStream stream, StreamTag tag, ImagePointer image, TagChangeCause cause, Instant now) {
        return history.newest(tag.id)
                .chain(current -> pointsAt(current, image)
                        ? Uni.createFrom().voidItem()
                        : gate.judge(stream, image).chain(decision -> {
                            if (decision instanceof SignatureGate.Untrusted untrusted) {
                                return awaitVerdict(stream, tag, image, cause, untrusted, now);
                            }
                            Uni<Long> cleared = Uni.createFrom().item(0L);
                            Verification verification = null;
                            if (decision instanceof SignatureGate.Trusted trusted) {
                                cleared = conditions.clear(tag.id, TagCondition.VERIFIED);
                                verification = trusted.verification();
                            }
                            Verification verdict = verification;
                            return cleared.chain(() -> images.findById(image.digest()))
                                    .chain(known -> move(
                                            stream,
                                            tag,
                                            current,
                                            image,
                                            known == null ? null : known.mediaType,
                                            cause,
                                            verdict,
                                            now,
                                            new HashSet<>()))
                                    .replaceWithVoid();
                        }));
    }

    /**
     * What the tag follows was seen at the image: the tag moves unless it points there already or is held.
     * The caller has reloaded the tag under its stream's lock, so its hold is current.
     *
     * @param mediaType what is known of the image's media type
     * @return whether the tag moved
     */
    public Uni<Boolean> observe(
            ImageStream stream,
            StreamTag tag,
            ImagePointer image,
            String mediaType,
            TagChangeCause cause,
            Instant now) {
        return observe(stream, tag, image, mediaType, cause, now, new HashSet<>());
    }

    private Uni<Boolean> observe(
            ImageStream stream,
            StreamTag tag,
            ImagePointer image,
            String mediaType,
            TagChangeCause cause,
            Instant now,
            Set<Long> moved) {
        if (tag.held()) {
            // Compared with the newest item, held or not, so that a source seen again at the same image adds nothing.
            return history.newestRecorded(tag.id)
                    .chain(last -> pointsAt(last, image)
                            ? Uni.createFrom().item(false)
                            : gate.judge(stream, image)
                                    .chain(decision -> recordHeld(stream, tag, image, cause, now, decision))
                                    .replaceWith(false));
        }
        return history.newest(tag.id)
                .chain(current -> pointsAt(current, image)
                        ? Uni.createFrom().item(false)
                        : gate.judge(stream, image).chain(decision -> {
                            if (decision instanceof SignatureGate.Untrusted untrusted) {
                                return awaitVerdict(stream, tag, image, cause, untrusted, now)
                                        .replaceWith(false);
                            }
                            if (decision instanceof SignatureGate.Trusted trusted) {
                                return conditions
                                        .clear(tag.id, TagCondition.VERIFIED)
                                        .chain(() -> move(
                                                stream,
                                                tag,
                                                current,
                                                image,
                                                mediaType,
                                                cause,
                                                trusted.verification(),
                                                now,
                                                moved))
                                        .replaceWith(true);
                            }
                            return move(stream, tag, current, image, mediaType, cause, null, now, moved)
                                    .replaceWith(true);
                        }));
    }

    /**
     * Records the observation as a held item waiting for a verdict, shows it on the tag and asks for a check; a source
     * seen again at the image it already waits on adds nothing.
     */
    private Uni<Void> awaitVerdict(
            ImageStream stream,
            StreamTag tag,
            ImagePointer image,
            TagChangeCause cause,
            SignatureGate.Untrusted untrusted,
            Instant now) {
        return history.newestRecorded(tag.id)
                .chain(last -> pointsAt(last, image)
                        ? Uni.createFrom().voidItem()
                        : recordHeld(stream, tag, image, cause, now, untrusted)
                                .chain(() -> conditionSetter.set(
                                        tag.id,
                                        TagCondition.VERIFIED,
                                        "False",
                                        Verification.PENDING,
                                        "waiting for a signature check of " + image.digest(),
                                        now))
                                .replaceWithVoid());
    }

    /**
     * A verdict verified the waiting item, the tag's newest observation: the tag moves to it, as the next generation,
     * and its aliases follow. The item is the one recorded when the image was seen, so history keeps one item per
     * observation and generations stay in the order the tag pointed at images.
     */
    public Uni<Void> moveToVerified(ImageStream stream, StreamTag tag, HistoryItem item, Instant now) {
        return history.newest(tag.id)
                .chain(previous -> streams.nextGeneration(stream.id).chain(generation -> {
                    item.held = false;
                    item.generation = generation;
                    return images.findById(item.digest).chain(known -> {
                        String mediaType = known == null ? null : known.mediaType;
                        ImageStreamTagUpdated updated = new ImageStreamTagUpdated(
                                stream.namespace,
                                stream.name,
                                tag.name,
                                generation,
                                new StreamImage(
                                        item.digest,
                                        pullSpecs.of(stream, tag, item.digest, item.dockerImageReference),
                                        mediaType),
                                previous == null ? null : pullSpecs.pointer(stream, tag, previous),
                                item.cause,
                                now);
                        return conditions
                                .clear(tag.id, TagCondition.VERIFIED)
                                .chain(() -> events.updated(updated))
                                .chain(() ->
                                        followAliases(stream, tag, item.pointer(), mediaType, now, new HashSet<>()));
                    });
                }));
    }

    private static boolean pointsAt(HistoryItem item, ImagePointer image) {
        return item != null && item.digest.equals(image.digest());
    }

    /** @param verification the verdict under the tag's policy, null for a tag under none */
    private Uni<HistoryItem> move(
            ImageStream stream,
            StreamTag tag,
            HistoryItem previous,
            ImagePointer image,
            String mediaType,
            TagChangeCause cause,
            Verification verification,
            Instant now,
            Set<Long> moved) {
        return streams.nextGeneration(stream.id).chain(generation -> {
            HistoryItem item =
                    HistoryItem.of(tag, generation, image.digest(), image.dockerImageReference(), cause, now, false);
            if (verification != null) {
                item.judged(verification);
            }
            ImageStreamTagUpdated updated = new ImageStreamTagUpdated(
                    stream.namespace,
                    stream.name,
                    tag.name,
                    generation,
                    new StreamImage(
                            item.digest, pullSpecs.of(stream, tag, item.digest, item.dockerImageReference), mediaType),
                    previous == null ? null : pullSpecs.pointer(stream, tag, previous),
                    cause,
                    now);
            return history.persist(item)
                    .chain(() -> events.updated(updated))
                    .chain(() -> followAliases(stream, tag, image, mediaType, now, moved))
                    .replaceWith(item);
        });
    }

    /**
     * A held item; under a policy it carries its verdict, and an unverified one asks for a check, so that a release
     * finds it verified or passes it by.
     */
    private Uni<Void> recordHeld(
            ImageStream stream,
            StreamTag tag,
            ImagePointer image,
            TagChangeCause cause,
            Instant now,
            SignatureGate.Decision decision) {
        return streams.nextGeneration(stream.id).chain(generation -> {
            HistoryItem item =
                    HistoryItem.of(tag, generation, image.digest(), image.dockerImageReference(), cause, now, true);
            if (decision instanceof SignatureGate.Untrusted untrusted) {
                return history.persist(item.judged(Verification.pending()))
                        .chain(() -> checks.request(untrusted.image(), untrusted.keys(), now));
            }
            if (decision instanceof SignatureGate.Trusted trusted) {
                item.judged(trusted.verification());
            }
            return history.persist(item).replaceWithVoid();
        });
    }

    /**
     * Every alias of the moved tag observes its image, and their aliases theirs. A tag moves at most once per
     * change, so that even a cycle that slipped past the check at creation ends.
     */
    private Uni<Void> followAliases(
            ImageStream stream, StreamTag tag, ImagePointer image, String mediaType, Instant now, Set<Long> moved) {
        moved.add(tag.id);
        String source = stream.name + ":" + tag.name;
        return tags.aliasesOf(stream.namespace, source)
                .chain(aliases -> Sequentially.forEach(
                        aliases,
                        alias -> streams.findById(alias.streamId)
                                .chain(aliasStream -> streams.lock(aliasStream.id)
                                        .chain(() -> tags.reload(alias))
                                        .chain(exists -> exists
                                                        && alias.isAliasOf(stream.namespace, source)
                                                        && !moved.contains(alias.id)
                                                ? observe(
                                                        aliasStream,
                                                        alias,
                                                        image,
                                                        mediaType,
                                                        TagChangeCause.ALIAS,
                                                        now,
                                                        moved)
                                                : Uni.createFrom().item(false)))));
    }
}
