package dev.tagline.tags.service;

import dev.tagline.events.EventJson;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.support.inbox.AppliedEventBatch;
import dev.tagline.support.inbox.AppliedEventBatch.EventId;
import dev.tagline.tags.domain.FollowerMoves;
import dev.tagline.tags.domain.ImageStream;
import dev.tagline.tags.domain.PolicyRules;
import dev.tagline.tags.domain.PullSpecs;
import dev.tagline.tags.domain.SignedImage;
import dev.tagline.tags.domain.SourceTags;
import dev.tagline.tags.store.FollowerMoveRepository;
import dev.tagline.tags.store.FollowerMoveRepository.ImageFacts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies, in one transaction, a run of {@code registry.tag.changed} events that concern only the tags following
 * their registry tags (no import target, no integrated registry): the hot path of every push and scheduled import.
 * Whatever the run's length it costs about eight statements: record the events as applied (skipping those applied
 * before), remember their images, lock the streams of every concerned tag in id order (so that it cannot deadlock
 * with another partition's batch or a REST call, which lock in the same order), read those tags, fold the events
 * into them in memory ({@link FollowerMoves}), and write the history items, generations, cleared conditions and
 * outbox rows. A crash before commit changes nothing; a redelivered run finds its events applied and writes nothing.
 * One more statement looks up the image policies of the namespaces reached; only when there are some, one more reads
 * which of the observed images checks verified, and the fold keeps tags under a policy from moving to others.
 */
@ApplicationScoped
public class FollowerObservationsApplier {

    /** A validated change and the CloudEvent identity it is recorded by. */
    public record Change(String eventSource, String eventId, RegistryTagChangeApplier.Validated change) {}

    private final Pool pool;
    private final AppliedEventBatch appliedEvents;
    private final FollowerMoveRepository store;
    private final PullSpecs pullSpecs;

    public FollowerObservationsApplier(
            Pool pool, AppliedEventBatch appliedEvents, FollowerMoveRepository store, PullSpecs pullSpecs) {
        this.pool = pool;
        this.appliedEvents = appliedEvents;
        this.store = store;
        this.pullSpecs = pullSpecs;
    }

    /** @return whether any tag moved, i.e. the outbox has new rows */
    public Uni<Boolean> apply(List<Change> changes, Instant now) {
        return pool.withTransaction(connection -> appliedEvents
                .recordFirstApplications(
                        connection, changes, change -> new EventId(change.eventSource(), change.eventId()), now)
                .chain(toApply -> toApply.isEmpty() ? Uni.createFrom().item(false) : apply(connection, toApply, now)));
    }

    private Uni<Boolean> apply(SqlConnection connection, List<Change> changes, Instant now) {
        Set<String> sources = new HashSet<>();
        changes.forEach(c -> sources.add(c.change().observation().source().tagKey()));
        return store.remember(connection, images(changes), now)
                .chain(mediaTypes -> store.lockStreamsOfConcerned(connection, sources)
                        .chain(streams -> store.concernedTags(connection, sources)
                                .chain(tags -> lockLateComers(connection, streams, sources, tags))
                                .chain(locked -> signatures(connection, locked, changes)
                                        .chain(signatures -> {
                                            FollowerMoves moves = new FollowerMoves(
                                                    pullSpecs,
                                                    now,
                                                    locked.streams(),
                                                    locked.tags(),
                                                    signatures.policies(),
                                                    signatures.verifiedKeys());
                                            changes.forEach(c -> moves.observe(new FollowerMoves.Observation(
                                                    c.change().observation(),
                                                    mediaTypes.get(c.change()
                                                            .observation()
                                                            .digest()
                                                            .toString()))));
                                            return store.write(connection, moves)
                                                    .replaceWith(!moves.events().isEmpty() || moves.asksForChecks());
                                        }))));
    }

    private record Signatures(PolicyRules policies, Map<String, Set<String>> verifiedKeys) {}

    /**
     * The image policies of the namespaces the batch reaches and, only if there are any, what checks verified the
     * observed images with: no statement more than the policy lookup for a batch under no policy.
     */
    private Uni<Signatures> signatures(SqlConnection connection, Locked locked, List<Change> changes) {
        if (locked.tags().isEmpty()) {
            return Uni.createFrom().item(new Signatures(PolicyRules.NONE, Map.of()));
        }
        Set<String> namespaces = new HashSet<>();
        locked.streams().values().forEach(stream -> namespaces.add(stream.namespace));
        return store.policiesOf(connection, namespaces).chain(policies -> {
            if (policies.isEmpty()) {
                return Uni.createFrom().item(new Signatures(policies, Map.of()));
            }
            Set<SignedImage> images = new LinkedHashSet<>();
            changes.forEach(
                    c -> images.add(SignedImage.of(c.change().observation().dockerImageReference())));
            return store.verifiedKeysOf(connection, images).map(verified -> new Signatures(policies, verified));
        });
    }

    private record Locked(Map<Long, ImageStream> streams, List<FollowerMoves.TagState> tags) {}

    /**
     * A tag re-pointed between finding the concerned streams and locking them may belong to a stream not yet locked:
     * lock those too and read the tags again. Out of id order, this may deadlock; Postgres then aborts one transaction,
     * and the batch is retried.
     */
    private Uni<Locked> lockLateComers(
            SqlConnection connection,
            Map<Long, ImageStream> streams,
            Set<String> sources,
            List<FollowerMoves.TagState> tags) {
        Set<Long> missing = new HashSet<>();
        tags.forEach(state -> {
            if (!streams.containsKey(state.tag().streamId)) {
                missing.add(state.tag().streamId);
            }
        });
        if (missing.isEmpty()) {
            return Uni.createFrom().item(new Locked(streams, tags));
        }
        return store.lockStreams(connection, missing).chain(more -> {
            Map<Long, ImageStream> all = new LinkedHashMap<>(streams);
            all.putAll(more);
            return store.concernedTags(connection, sources)
                    .chain(again -> lockLateComers(connection, all, sources, again));
        });
    }

    /** One row per digest, merged in offset order as the per-event upsert would have merged them. */
    private static List<ImageFacts> images(List<Change> changes) {
        Map<String, ImageFacts> byDigest = new LinkedHashMap<>();
        for (Change c : changes) {
            RegistryTagChanged event = c.change().event();
            String digest = c.change().observation().digest().toString();
            ImageFacts seen = new ImageFacts(
                    digest, SourceTags.text(event.mediaType()), event.size(), EventJson.write(event.platforms()));
            byDigest.merge(
                    digest,
                    seen,
                    (first, later) -> new ImageFacts(
                            digest,
                            first.mediaType() != null ? first.mediaType() : later.mediaType(),
                            first.size() != null ? first.size() : later.size(),
                            "[]".equals(first.platformsJson()) ? later.platformsJson() : first.platformsJson()));
        }
        return List.copyOf(byDigest.values());
    }
}
