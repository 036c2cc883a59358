package dev.tagline.tags.store;

import dev.tagline.events.ImagePointer;
import dev.tagline.events.ReferencePolicy;
import dev.tagline.events.TagReference;
import dev.tagline.tags.domain.FollowerMoves;
import dev.tagline.tags.domain.HistoryItem;
import dev.tagline.tags.domain.ImageStream;
import dev.tagline.tags.domain.OutboxMessage;
import dev.tagline.tags.domain.PolicyRule;
import dev.tagline.tags.domain.PolicyRules;
import dev.tagline.tags.domain.SignedImage;
import dev.tagline.tags.domain.StreamTag;
import dev.tagline.tags.domain.TagCondition;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The set-based statements that apply a batch of registry observations, on the reactive client's connection of the
 * batch's transaction: each is one statement for the whole batch, whatever its size, and each is a prepared statement
 * the client caches (no ORM query plans on this path).
 */
@ApplicationScoped
public class FollowerMoveRepository {

    /** Every tag that follows one of the sources, and their aliases, and theirs, by id. */
    private static final String CONCERNED = "with recursive concerned(id) as ("
            + " select t.id from stream_tags t where t.source_key = any($1)"
            + " union"
            + " select a.id from concerned c join stream_tags t on t.id = c.id"
            + " join image_streams s on s.id = t.stream_id"
            + " join stream_tags a on a.from_kind = 'ImageStreamTag' and a.from_namespace = s.namespace"
            + " and a.from_name = s.name || ':' || t.name)";

    private static final String REMEMBER_IMAGES = "insert into images (digest, media_type, size, platforms, first_seen)"
            + " select * from unnest($1::text[], $2::text[], $3::int8[], $4::text[], $5::timestamptz[])"
            + " on conflict (digest) do update set"
            + " media_type = coalesce(images.media_type, excluded.media_type),"
            + " size = coalesce(images.size, excluded.size),"
            + " platforms = case when images.platforms = '[]' then excluded.platforms else images.platforms end"
            + " returning digest, media_type";

    private static final String LOCK_STREAMS_OF_CONCERNED = CONCERNED
            + " select s.id, s.namespace, s.name, s.generation from image_streams s"
            + " where s.id in (select t.stream_id from stream_tags t join concerned c on c.id = t.id)"
            + " order by s.id for update of s";

    private static final String LOCK_STREAMS =
            "select id, namespace, name, generation from image_streams" + " where id = any($1) order by id for update";

    private static final String CONCERNED_TAGS = CONCERNED
            + " select t.id, t.stream_id, t.name, t.from_kind, t.from_namespace, t.from_name, t.source_key,"
            + " t.reference_policy, t.hold_generation, cur.digest as current_digest,"
            + " cur.docker_image_reference as current_reference, rec.digest as recorded_digest,"
            + " exists (select 1 from tag_conditions k where k.stream_tag_id = t.id) as has_conditions"
            + " from concerned c join stream_tags t on t.id = c.id"
            + " left join lateral (select h.digest, h.docker_image_reference from tag_history h"
            + " where h.stream_tag_id = t.id and not h.held order by h.generation desc limit 1) cur on true"
            + " left join lateral (select h.digest from tag_history h"
            + " where h.stream_tag_id = t.id order by h.generation desc limit 1) rec on true";

    private static final String SET_GENERATIONS = "update image_streams s set generation = v.generation"
            + " from unnest($1::int8[], $2::int8[]) as v(id, generation) where s.id = v.id";

    private static final String APPEND_HISTORY = "insert into tag_history (stream_id, stream_tag_id, tag, generation,"
            + " digest, docker_image_reference, cause, created, held, verification, verification_key,"
            + " verification_message)"
            + " select stream_id, stream_tag_id, tag, generation, digest, docker_image_reference, cause, created, held,"
            + " verification, verification_key, verification_message"
            + " from unnest($1::int8[], $2::int8[], $3::text[], $4::int8[], $5::text[], $6::text[], $7::text[],"
            + " $8::timestamptz[], $9::bool[], $10::text[], $11::text[], $12::text[]) with ordinality as item(stream_id,"
            + " stream_tag_id, tag, generation, digest, docker_image_reference, cause, created, held, verification,"
            + " verification_key, verification_message, position) order by position";

    private static final String CLEAR_CONDITIONS = "delete from tag_conditions where stream_tag_id = any($1)";

    private static final String POLICIES = "select namespace, streams, public_keys from image_policies"
            + " where namespace = any($1) order by namespace, name";

    private static final String VERIFIED_KEYS = "select v.registry, v.repository, v.digest, v.key_fingerprint"
            + " from verified_images v join unnest($1::text[], $2::text[], $3::text[]) as i(registry, repository,"
            + " digest) on v.registry = i.registry and v.repository = i.repository and v.digest = i.digest";

    private static final String CLEAR_VERIFIED_CONDITIONS =
            "delete from tag_conditions" + " where stream_tag_id = any($1) and type = '" + TagCondition.VERIFIED + "'";

    private static final String SET_CONDITIONS = "insert into tag_conditions (stream_tag_id, type, status, reason,"
            + " message, last_transition_time)"
            + " select * from unnest($1::int8[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])"
            + " on conflict (stream_tag_id, type) do update set message = excluded.message,"
            + " last_transition_time = case when tag_conditions.status = excluded.status"
            + " and tag_conditions.reason = excluded.reason then tag_conditions.last_transition_time"
            + " else excluded.last_transition_time end,"
            + " status = excluded.status, reason = excluded.reason";

    // Ordered, so that outbox ids, which the relay publishes in, follow the order of the moves.
    private static final String WRITE_OUTBOX = "insert into outbox (event_id, topic, record_key, type, subject,"
            + " payload, created_at)"
            + " select event_id, topic, record_key, type, subject, payload, created_at"
            + " from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],"
            + " $7::timestamptz[]) with ordinality as message(event_id, topic, record_key, type, subject, payload,"
            + " created_at, position) order by position";

    /** What one observation says about an image. */
    public record ImageFacts(String digest, String mediaType, Long size, String platformsJson) {}

    /**
     * Records the images, one row per digest, filling in what earlier observations did not know.
     *
     * @param images at most one per digest
     * @return the media type known for each digest now
     */
    public Uni<Map<String, String>> remember(SqlConnection connection, Collection<ImageFacts> images, Instant now) {
        OffsetDateTime at = timestamp(now);
        return connection
                .preparedQuery(REMEMBER_IMAGES)
                .execute(Tuple.of(
                        images.stream().map(ImageFacts::digest).toArray(String[]::new),
                        images.stream().map(ImageFacts::mediaType).toArray(String[]::new),
                        images.stream().map(ImageFacts::size).toArray(Long[]::new),
                        images.stream().map(ImageFacts::platformsJson).toArray(String[]::new),
                        images.stream().map(image -> at).toArray(OffsetDateTime[]::new)))
                .map(rows -> {
                    Map<String, String> mediaTypes = new HashMap<>();
                    rows.forEach(row -> mediaTypes.put(row.getString("digest"), row.getString("media_type")));
                    return mediaTypes;
                });
    }

    /** Locks, in id order, the stream of every tag that follows one of the sources or is an alias of one that does. */
    public Uni<Map<Long, ImageStream>> lockStreamsOfConcerned(SqlConnection connection, Collection<String> sources) {
        return connection
                .preparedQuery(LOCK_STREAMS_OF_CONCERNED)
                .execute(Tuple.of(sources.toArray(String[]::new)))
                .map(FollowerMoveRepository::streams);
    }

    /** Locks the streams in id order. */
    public Uni<Map<Long, ImageStream>> lockStreams(SqlConnection connection, Collection<Long> ids) {
        return connection
                .preparedQuery(LOCK_STREAMS)
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(FollowerMoveRepository::streams);
    }

    /** The tags that follow the sources, and their aliases, with what they point at. */
    public Uni<List<FollowerMoves.TagState>> concernedTags(SqlConnection connection, Collection<String> sources) {
        return connection
                .preparedQuery(CONCERNED_TAGS)
                .execute(Tuple.of(sources.toArray(String[]::new)))
                .map(rows -> {
                    List<FollowerMoves.TagState> tags = new ArrayList<>(rows.size());
                    rows.forEach(row -> tags.add(tagState(row)));
                    return tags;
                });
    }

    /**
     * The image policies of the namespaces: one statement per batch, on an index, usually finding none, and then the
     * batch moves its tags as it always did.
     */
    public Uni<PolicyRules> policiesOf(SqlConnection connection, Collection<String> namespaces) {
        return connection
                .preparedQuery(POLICIES)
                .execute(Tuple.of(namespaces.toArray(String[]::new)))
                .map(rows -> {
                    List<PolicyRule> rules = new ArrayList<>(rows.size());
                    rows.forEach(row -> rules.add(PolicyRule.of(
                            row.getString("namespace"), row.getString("streams"), row.getString("public_keys"))));
                    return new PolicyRules(rules);
                });
    }

    /** By image reference ({@code registry/repository@digest}), the keys checks verified each image with. */
    public Uni<Map<String, Set<String>>> verifiedKeysOf(SqlConnection connection, Collection<SignedImage> images) {
        return connection
                .preparedQuery(VERIFIED_KEYS)
                .execute(Tuple.of(
                        images.stream().map(SignedImage::registry).toArray(String[]::new),
                        images.stream().map(SignedImage::repository).toArray(String[]::new),
                        images.stream().map(SignedImage::digest).toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Set<String>> keys = new HashMap<>();
                    rows.forEach(row -> keys.computeIfAbsent(
                                    new SignedImage(
                                                    row.getString("registry"),
                                                    row.getString("repository"),
                                                    row.getString("digest"))
                                            .reference(),
                                    reference -> new HashSet<>())
                            .add(row.getString("key_fingerprint")));
                    return keys;
                });
    }

    /** Writes what the fold decided. */
    public Uni<Void> write(SqlConnection connection, FollowerMoves moves) {
        Uni<?> writes = Uni.createFrom().voidItem();
        if (!moves.generations().isEmpty()) {
            Map<Long, Long> generations = moves.generations();
            writes = writes.chain(() -> connection
                    .preparedQuery(SET_GENERATIONS)
                    .execute(Tuple.of(
                            generations.keySet().toArray(Long[]::new),
                            generations.values().toArray(Long[]::new))));
        }
        if (!moves.history().isEmpty()) {
            List<HistoryItem> items = moves.history();
            writes = writes.chain(() -> connection
                    .preparedQuery(APPEND_HISTORY)
                    .execute(Tuple.tuple(List.of(
                            items.stream().map(item -> item.streamId).toArray(Long[]::new),
                            items.stream().map(item -> item.streamTagId).toArray(Long[]::new),
                            items.stream().map(item -> item.tag).toArray(String[]::new),
                            items.stream().map(item -> item.generation).toArray(Long[]::new),
                            items.stream().map(item -> item.digest).toArray(String[]::new),
                            items.stream()
                                    .map(item -> item.dockerImageReference)
                                    .toArray(String[]::new),
                            items.stream().map(item -> item.cause.name()).toArray(String[]::new),
                            items.stream().map(item -> timestamp(item.created)).toArray(OffsetDateTime[]::new),
                            items.stream().map(item -> item.held).toArray(Boolean[]::new),
                            items.stream().map(item -> item.verification).toArray(String[]::new),
                            items.stream().map(item -> item.verificationKey).toArray(String[]::new),
                            items.stream().map(item -> item.verificationMessage).toArray(String[]::new)))));
        }
        if (!moves.conditionsToClear().isEmpty()) {
            Set<Long> tags = moves.conditionsToClear();
            writes = writes.chain(
                    () -> connection.preparedQuery(CLEAR_CONDITIONS).execute(Tuple.of(tags.toArray(Long[]::new))));
        }
        if (!moves.verifiedConditionsToClear().isEmpty()) {
            Set<Long> tags = moves.verifiedConditionsToClear();
            writes = writes.chain(() ->
                    connection.preparedQuery(CLEAR_VERIFIED_CONDITIONS).execute(Tuple.of(tags.toArray(Long[]::new))));
        }
        if (!moves.pendingConditions().isEmpty()) {
            List<TagCondition> conditions = List.copyOf(moves.pendingConditions());
            writes = writes.chain(() -> connection
                    .preparedQuery(SET_CONDITIONS)
                    .execute(Tuple.tuple(List.of(
                            conditions.stream()
                                    .map(condition -> condition.streamTagId)
                                    .toArray(Long[]::new),
                            conditions.stream().map(condition -> condition.type).toArray(String[]::new),
                            conditions.stream()
                                    .map(condition -> condition.status)
                                    .toArray(String[]::new),
                            conditions.stream()
                                    .map(condition -> condition.reason)
                                    .toArray(String[]::new),
                            conditions.stream()
                                    .map(condition -> condition.message)
                                    .toArray(String[]::new),
                            conditions.stream()
                                    .map(condition -> timestamp(condition.lastTransitionTime))
                                    .toArray(OffsetDateTime[]::new)))));
        }
        List<OutboxMessage> messages = new ArrayList<>(moves.events());
        messages.addAll(moves.checkRequests());
        if (!messages.isEmpty()) {
            writes = writes.chain(() -> connection
                    .preparedQuery(WRITE_OUTBOX)
                    .execute(Tuple.tuple(List.of(
                            messages.stream().map(message -> message.eventId).toArray(UUID[]::new),
                            messages.stream().map(message -> message.topic).toArray(String[]::new),
                            messages.stream().map(message -> message.recordKey).toArray(String[]::new),
                            messages.stream().map(message -> message.type).toArray(String[]::new),
                            messages.stream().map(message -> message.subject).toArray(String[]::new),
                            messages.stream().map(message -> message.payload).toArray(String[]::new),
                            messages.stream()
                                    .map(message -> timestamp(message.createdAt))
                                    .toArray(OffsetDateTime[]::new)))));
        }
        return writes.replaceWithVoid();
    }

    private static Map<Long, ImageStream> streams(RowSet<Row> rows) {
        Map<Long, ImageStream> streams = new LinkedHashMap<>();
        rows.forEach(row -> {
            ImageStream stream = new ImageStream();
            stream.id = row.getLong("id");
            stream.namespace = row.getString("namespace");
            stream.name = row.getString("name");
            stream.generation = row.getLong("generation");
            streams.put(stream.id, stream);
        });
        return streams;
    }

    private static FollowerMoves.TagState tagState(Row row) {
        StreamTag tag = new StreamTag();
        tag.id = row.getLong("id");
        tag.streamId = row.getLong("stream_id");
        tag.name = row.getString("name");
        String fromKind = row.getString("from_kind");
        tag.fromKind = fromKind == null ? null : TagReference.Kind.valueOf(fromKind);
        tag.fromNamespace = row.getString("from_namespace");
        tag.fromName = row.getString("from_name");
        tag.sourceKey = row.getString("source_key");
        tag.referencePolicy = ReferencePolicy.valueOf(row.getString("reference_policy"));
        tag.holdGeneration = row.getLong("hold_generation");
        String currentDigest = row.getString("current_digest");
        ImagePointer current =
                currentDigest == null ? null : new ImagePointer(currentDigest, row.getString("current_reference"));
        return new FollowerMoves.TagState(
                tag, current, row.getString("recorded_digest"), row.getBoolean("has_conditions"));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
