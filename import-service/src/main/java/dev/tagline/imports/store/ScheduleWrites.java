package dev.tagline.imports.store;

import dev.tagline.events.StreamTagRef;
import dev.tagline.events.reference.ImageReference;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The set-based statements that bring the schedule in step with a batch of spec changes, on the reactive client's
 * connection of the batch's transaction: each is one prepared statement for the whole batch, whatever its size (no
 * ORM query plans on this path). Each touches a row at most once, so the caller passes one change per stream tag
 * and one row per source.
 */
@ApplicationScoped
public class ScheduleWrites {

    private static final String SOURCES_FOLLOWED_BY = "select distinct f.source_id from followers f"
            + " join unnest($1::text[], $2::text[], $3::text[]) as k(namespace, image_stream, tag)"
            + " on f.namespace = k.namespace and f.image_stream = k.image_stream and f.tag = k.tag";

    // The update of an existing row locks it, and a row deleted concurrently is inserted anew, so a follower can be
    // attached to whatever comes back. Key order, so that two batches lock shared rows in the same order.
    private static final String ENSURE_SOURCES = "insert into scheduled_sources"
            + " (source_key, registry, repository, tag, next_check, created_at)"
            + " select source_key, registry, repository, tag, $5, $5"
            + " from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as s(source_key, registry, repository, tag)"
            + " order by source_key"
            + " on conflict (source_key) do update set source_key = excluded.source_key"
            + " returning id, source_key, next_check <= $5 as due";

    private static final String FOLLOW = "insert into followers (namespace, image_stream, tag, source_id, insecure)"
            + " select * from unnest($1::text[], $2::text[], $3::text[], $4::int8[], $5::bool[])"
            + " on conflict (namespace, image_stream, tag) do update set source_id = excluded.source_id,"
            + " insecure = excluded.insecure";

    private static final String UNFOLLOW = "delete from followers f"
            + " using unnest($1::text[], $2::text[], $3::text[]) as k(namespace, image_stream, tag)"
            + " where f.namespace = k.namespace and f.image_stream = k.image_stream and f.tag = k.tag";

    private static final String LOCK_SOURCES =
            "select id from scheduled_sources where id = any($1) order by id" + " for update";

    private static final String DELETE_UNFOLLOWED = "delete from scheduled_sources s where s.id = any($1)"
            + " and not exists (select 1 from followers f where f.source_id = s.id)";

    private static final String REFRESH_INSECURE = "update scheduled_sources s set insecure = not s.insecure"
            + " where s.id = any($1)"
            + " and s.insecure <> exists (select 1 from followers f where f.source_id = s.id and f.insecure)";

    /** A stream tag that follows a source now. */
    public record Follow(StreamTagRef streamTag, long sourceId, boolean insecure) {}

    /**
     * The rows of the sources, by source key.
     *
     * @param anyDue whether one of them is due now, as a source new to the schedule is
     */
    public record EnsuredSources(Map<String, Long> idsByKey, boolean anyDue) {}

    /** The sources the stream tags follow now. */
    public Uni<Set<Long>> sourcesFollowedBy(SqlConnection connection, Collection<StreamTagRef> streamTags) {
        return connection
                .preparedQuery(SOURCES_FOLLOWED_BY)
                .execute(streamTagArrays(streamTags))
                .map(rows -> {
                    Set<Long> ids = new HashSet<>();
                    rows.forEach(row -> ids.add(row.getLong("source_id")));
                    return ids;
                });
    }

    /**
     * The rows of the sources, created due at once where missing, and locked.
     *
     * @param sources at most one per source key
     */
    public Uni<EnsuredSources> ensureSources(
            SqlConnection connection, Collection<ImageReference> sources, Instant now) {
        if (sources.isEmpty()) {
            return Uni.createFrom().item(new EnsuredSources(Map.of(), false));
        }
        return connection
                .preparedQuery(ENSURE_SOURCES)
                .execute(Tuple.of(
                        sources.stream().map(ImageReference::tagKey).toArray(String[]::new),
                        sources.stream().map(ImageReference::registry).toArray(String[]::new),
                        sources.stream().map(ImageReference::repository).toArray(String[]::new),
                        sources.stream().map(ImageReference::tag).toArray(String[]::new),
                        now.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Map<String, Long> ids = new HashMap<>();
                    boolean anyDue = false;
                    for (var row : rows) {
                        ids.put(row.getString("source_key"), row.getLong("id"));
                        anyDue |= row.getBoolean("due");
                    }
                    return new EnsuredSources(ids, anyDue);
                });
    }

    /** @param follows at most one per stream tag */
    public Uni<Void> follow(SqlConnection connection, List<Follow> follows) {
        if (follows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery(FOLLOW)
                .execute(Tuple.of(
                        follows.stream().map(f -> f.streamTag().namespace()).toArray(String[]::new),
                        follows.stream().map(f -> f.streamTag().imageStream()).toArray(String[]::new),
                        follows.stream().map(f -> f.streamTag().tag()).toArray(String[]::new),
                        follows.stream().map(Follow::sourceId).toArray(Long[]::new),
                        follows.stream().map(Follow::insecure).toArray(Boolean[]::new)))
                .replaceWithVoid();
    }

    public Uni<Void> unfollow(SqlConnection connection, Collection<StreamTagRef> streamTags) {
        if (streamTags.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery(UNFOLLOW)
                .execute(streamTagArrays(streamTags))
                .replaceWithVoid();
    }

    /**
     * Deletes the sources nobody follows any more. The rows are locked first, in id order, and deleted by a later
     * statement: its fresh snapshot sees a follower that a concurrent transaction attached while we waited, so the
     * delete never cascades to it.
     */
    public Uni<Void> dropUnfollowed(SqlConnection connection, Collection<Long> sourceIds) {
        if (sourceIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple ids = Tuple.of(sourceIds.toArray(Long[]::new));
        return connection
                .preparedQuery(LOCK_SOURCES)
                .execute(ids)
                .chain(() -> connection.preparedQuery(DELETE_UNFOLLOWED).execute(ids))
                .replaceWithVoid();
    }

    /** A source is fetched over plain HTTP when any of its followers marks it insecure; rows already right stay. */
    public Uni<Void> refreshInsecure(SqlConnection connection, Collection<Long> sourceIds) {
        if (sourceIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery(REFRESH_INSECURE)
                .execute(Tuple.of(sourceIds.toArray(Long[]::new)))
                .replaceWithVoid();
    }

    private static Tuple streamTagArrays(Collection<StreamTagRef> streamTags) {
        return Tuple.of(
                streamTags.stream().map(StreamTagRef::namespace).toArray(String[]::new),
                streamTags.stream().map(StreamTagRef::imageStream).toArray(String[]::new),
                streamTags.stream().map(StreamTagRef::tag).toArray(String[]::new));
    }
}
