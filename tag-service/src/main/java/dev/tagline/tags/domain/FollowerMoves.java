package dev.tagline.tags.domain;

import dev.tagline.events.EventType;
import dev.tagline.events.ImagePointer;
import dev.tagline.events.ImageStreamTagUpdated;
import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import dev.tagline.events.StreamImage;
import dev.tagline.events.TagChangeCause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Folds a batch of registry observations, in offset order, into the tags they move, in memory: the same rules as
 * {@code TagMover} and {@code TagPointer} apply one event at a time (followers in stream id and name order, a held
 * tag records a held item, a tag already at the digest stays, every alias of a moved tag observes the image in turn),
 * but starting from the tags as their locked streams left them and writing nothing until the end, so that a whole
 * batch costs a handful of statements. Each later observation sees what the earlier ones moved. A tag under an image
 * policy moves only to an image a check verified with one of its keys; otherwise it waits, as {@code TagPointer} does.
 */
public final class FollowerMoves {

    /** A tag as the batch found it under its stream's lock, and as the batch moves it. */
    public static final class TagState {

        final StreamTag tag;
        ImagePointer current;
        String recordedDigest;
        final boolean hasConditions;

        /**
         * @param current the newest item that is not held, null for none
         * @param recordedDigest the digest of the newest item, held or not
         */
        public TagState(StreamTag tag, ImagePointer current, String recordedDigest, boolean hasConditions) {
            this.tag = tag;
            this.current = current;
            this.recordedDigest = recordedDigest;
            this.hasConditions = hasConditions;
        }

        public StreamTag tag() {
            return tag;
        }
    }

    /** One first-time observation of a registry tag. */
    public record Observation(ImageObservation observation, String mediaType) {}

    private final PullSpecs pullSpecs;
    private final Instant now;
    private final Map<Long, ImageStream> streams;
    private final Map<Long, Long> generations = new LinkedHashMap<>();
    private final Map<String, List<TagState>> followersBySource = new LinkedHashMap<>();
    private final Map<String, List<TagState>> aliasesBySource = new LinkedHashMap<>();
    private final List<HistoryItem> history = new ArrayList<>();
    private final List<OutboxMessage> events = new ArrayList<>();
    private final Set<Long> conditionsToClear = new LinkedHashSet<>();
    private final PolicyRules policies;
    private final Map<String, Set<String>> verifiedKeys;
    private final Map<Long, TagCondition> pendingConditions = new LinkedHashMap<>();
    private final Set<Long> verifiedConditionsToClear = new LinkedHashSet<>();
    private final Map<String, Map<String, TrustedKey>> checksToRequest = new LinkedHashMap<>();

    /**
     * @param streams every stream of the tags, locked, with its generation as locked
     * @param policies the policies of the streams' namespaces
     * @param verifiedKeys by image reference ({@code registry/repository@digest}), the keys checks verified it with
     */
    public FollowerMoves(
            PullSpecs pullSpecs,
            Instant now,
            Map<Long, ImageStream> streams,
            List<TagState> tags,
            PolicyRules policies,
            Map<String, Set<String>> verifiedKeys) {
        this.pullSpecs = pullSpecs;
        this.now = now;
        this.streams = streams;
        this.policies = policies;
        this.verifiedKeys = verifiedKeys;
        List<TagState> ordered = new ArrayList<>(tags);
        ordered.sort(
                Comparator.comparing((TagState state) -> state.tag.streamId).thenComparing(s -> s.tag.name));
        for (TagState state : ordered) {
            if (state.tag.sourceKey != null) {
                followersBySource
                        .computeIfAbsent(state.tag.sourceKey, key -> new ArrayList<>())
                        .add(state);
            }
            if (state.tag.fromKind == dev.tagline.events.TagReference.Kind.ImageStreamTag) {
                aliasesBySource
                        .computeIfAbsent(state.tag.fromNamespace + "/" + state.tag.fromName, key -> new ArrayList<>())
                        .add(state);
            }
        }
    }

    /** Every tag that follows the observed registry tag observes it; the observation ends their source problems. */
    public void observe(Observation seen) {
        ImageObservation observation = seen.observation();
        ImagePointer image = new ImagePointer(observation.digest().toString(), observation.dockerImageReference());
        for (TagState follower :
                followersBySource.getOrDefault(observation.source().tagKey(), List.of())) {
            if (follower.hasConditions) {
                conditionsToClear.add(follower.tag.id);
            }
            observe(follower, image, seen.mediaType(), observation.cause(), new HashSet<>());
        }
    }

    private void observe(TagState state, ImagePointer image, String mediaType, TagChangeCause cause, Set<Long> moved) {
        ImageStream stream = streams.get(state.tag.streamId);
        List<TrustedKey> keys = policies.keysFor(stream.namespace, stream.name);
        if (state.tag.held()) {
            // Compared with the newest item, held or not, so that a source seen again at the same image adds nothing.
            if (!image.digest().equals(state.recordedDigest)) {
                HistoryItem item = HistoryItem.of(
                        state.tag,
                        nextGeneration(stream),
                        image.digest(),
                        image.dockerImageReference(),
                        cause,
                        now,
                        true);
                if (!keys.isEmpty()) {
                    // Judged now, so that a release moves the tag only to a verified item.
                    item.judged(verification(image, keys).orElseGet(() -> {
                        requestCheck(image, keys);
                        return Verification.pending();
                    }));
                }
                history.add(item);
                state.recordedDigest = image.digest();
            }
            return;
        }
        if (state.current != null && state.current.digest().equals(image.digest())) {
            return;
        }
        Verification verification = null;
        if (!keys.isEmpty()) {
            Optional<Verification> verified = verification(image, keys);
            if (verified.isEmpty()) {
                awaitVerdict(state, stream, image, cause, keys);
                return;
            }
            verification = verified.get();
            pendingConditions.remove(state.tag.id);
            verifiedConditionsToClear.add(state.tag.id);
        }
        long generation = nextGeneration(stream);
        HistoryItem item =
                HistoryItem.of(state.tag, generation, image.digest(), image.dockerImageReference(), cause, now, false);
        history.add(verification == null ? item : item.judged(verification));
        ImagePointer previous = state.current == null
                ? null
                : new ImagePointer(
                        state.current.digest(),
                        pullSpecs.of(stream, state.tag, state.current.digest(), state.current.dockerImageReference()));
        ImageStreamTagUpdated updated = new ImageStreamTagUpdated(
                stream.namespace,
                stream.name,
                state.tag.name,
                generation,
                new StreamImage(
                        image.digest(),
                        pullSpecs.of(stream, state.tag, image.digest(), image.dockerImageReference()),
                        mediaType),
                previous,
                cause,
                now);
        events.add(OutboxMessage.of(
                EventType.IMAGESTREAM_TAG_UPDATED, updated.streamTag().key(), updated, now));
        state.current = image;
        state.recordedDigest = image.digest();
        // A tag moves at most once per observation, so that even a cycle that slipped past the check at creation ends.
        moved.add(state.tag.id);
        String source = stream.namespace + "/" + stream.name + ":" + state.tag.name;
        for (TagState alias : aliasesBySource.getOrDefault(source, List.of())) {
            if (!moved.contains(alias.tag.id)) {
                observe(alias, image, mediaType, TagChangeCause.ALIAS, moved);
            }
        }
    }

    private Optional<Verification> verification(ImagePointer image, List<TrustedKey> keys) {
        return TrustedKeys.firstVerified(keys, verifiedKeys.getOrDefault(image.dockerImageReference(), Set.of()))
                .map(key -> Verification.verifiedBy(key, "verified by an earlier check"));
    }

    /**
     * The tag stays where it is: the observation is recorded as a held item waiting for a verdict, shown on the tag,
     * and a check is asked for. A source seen again at the image it already waits on adds nothing.
     */
    private void awaitVerdict(
            TagState state, ImageStream stream, ImagePointer image, TagChangeCause cause, List<TrustedKey> keys) {
        if (image.digest().equals(state.recordedDigest)) {
            return;
        }
        history.add(HistoryItem.of(
                        state.tag,
                        nextGeneration(stream),
                        image.digest(),
                        image.dockerImageReference(),
                        cause,
                        now,
                        true)
                .judged(Verification.pending()));
        state.recordedDigest = image.digest();
        verifiedConditionsToClear.remove(state.tag.id);
        pendingConditions.put(
                state.tag.id,
                TagCondition.of(
                        state.tag.id,
                        TagCondition.VERIFIED,
                        "False",
                        Verification.PENDING,
                        "waiting for a signature check of " + image.digest(),
                        now));
        requestCheck(image, keys);
    }

    /** One request per image for the whole batch, with the keys of every tag waiting on it. */
    private void requestCheck(ImagePointer image, List<TrustedKey> keys) {
        Map<String, TrustedKey> requested =
                checksToRequest.computeIfAbsent(image.dockerImageReference(), reference -> new LinkedHashMap<>());
        keys.forEach(key -> requested.putIfAbsent(key.fingerprint(), key));
    }

    private long nextGeneration(ImageStream stream) {
        long generation = generations.getOrDefault(stream.id, stream.generation) + 1;
        generations.put(stream.id, generation);
        return generation;
    }

    /** The new generation of every stream that gained history items. */
    public Map<Long, Long> generations() {
        return generations;
    }

    /** The items to append, in the order the moves happened. */
    public List<HistoryItem> history() {
        return history;
    }

    /** The {@code tag.updated} events to write to the outbox, in the order the moves happened. */
    public List<OutboxMessage> events() {
        return events;
    }

    public boolean asksForChecks() {
        return !checksToRequest.isEmpty();
    }

    /** The signature checks to ask for, one per image; each call makes new outbox rows, to be written once. */
    public List<OutboxMessage> checkRequests() {
        List<OutboxMessage> requests = new ArrayList<>();
        checksToRequest.forEach(
                (reference, keys) -> requests.add(SignedImage.of(reference).checkRequest(keys.values(), now)));
        return requests;
    }

    /** {@code Verified=False} conditions of tags left waiting for a verdict; written after {@link #conditionsToClear}. */
    public Collection<TagCondition> pendingConditions() {
        return pendingConditions.values();
    }

    /** Tags that moved to a verified image: their {@code Verified} condition ends. */
    public Set<Long> verifiedConditionsToClear() {
        return verifiedConditionsToClear;
    }

    public Set<Long> conditionsToClear() {
        return conditionsToClear;
    }
}
