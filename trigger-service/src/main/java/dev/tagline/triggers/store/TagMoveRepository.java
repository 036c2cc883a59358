package dev.tagline.triggers.store;

import dev.tagline.events.StreamTagRef;
import dev.tagline.triggers.domain.Firing;
import dev.tagline.triggers.domain.KindColumn;
import dev.tagline.triggers.domain.TagImage;
import dev.tagline.triggers.domain.Trigger;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The set-based statements that apply a batch of tag moves, on the reactive client's connection of the batch's
 * transaction: each is one prepared statement for the whole batch, whatever its size (no ORM query plans on this
 * path).
 */
@ApplicationScoped
public class TagMoveRepository {

    private static final String REMEMBER_TAGS = "insert into followed_tags (namespace, image_stream, tag, digest,"
            + " docker_image_reference, generation, changed_at)"
            + " select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int8[],"
            + " $7::timestamptz[])"
            + " on conflict (namespace, image_stream, tag) do update set digest = excluded.digest,"
            + " docker_image_reference = excluded.docker_image_reference, generation = excluded.generation,"
            + " changed_at = excluded.changed_at";

    // In id order, as the REST paths lock a trigger, so that the two never deadlock.
    private static final String LOCK_FOLLOWERS = "select id, uid, namespace, name, kind, from_namespace, from_stream,"
            + " from_tag, params, webhook_url, paused, handled_digest, last_triggered_digest,"
            + " last_triggered_reference, last_triggered_at from triggers"
            + " where (from_namespace, from_stream, from_tag) in"
            + " (select * from unnest($1::text[], $2::text[], $3::text[]))"
            + " order by id for update";

    // One statement, so that only an action that is new (its key unspent) gets an outbox row and a delivery; both
    // inserted in the batch's order, so that outbox ids, which the relay publishes in, follow the moves.
    private static final String WRITE_FIRINGS = "with action as ("
            + " insert into actions (trigger_id, digest, generation, idempotency_key, created_at)"
            + " select trigger_id, digest, generation, idempotency_key, created_at"
            + " from unnest($1::int8[], $2::text[], $3::int8[], $4::text[], $5::timestamptz[]) with ordinality"
            + " as v(trigger_id, digest, generation, idempotency_key, created_at, position) order by position"
            + " on conflict (idempotency_key) do nothing returning id, idempotency_key),"
            + " message as ("
            + " insert into outbox (event_id, topic, record_key, type, subject, payload, created_at)"
            + " select m.event_id, m.topic, m.record_key, m.type, m.subject, m.payload, m.created_at"
            + " from unnest($4::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],"
            + " $5::timestamptz[]) with ordinality"
            + " as m(event_id, topic, record_key, type, subject, payload, created_at, position)"
            + " join action a on a.idempotency_key = m.event_id order by m.position),"
            + " delivery as ("
            + " insert into deliveries (trigger_id, action_id, webhook_id, digest, payload, origin, status,"
            + " next_attempt_at, created_at)"
            + " select w.trigger_id, a.id, w.webhook_id, w.digest, w.payload, coalesce(t.webhook_origin, ''),"
            + " 'pending', w.created_at, w.created_at"
            + " from unnest($1::int8[], $4::text[], $2::text[], $11::text[], $5::timestamptz[]) with ordinality"
            + " as w(trigger_id, webhook_id, digest, payload, created_at, position)"
            + " join action a on a.idempotency_key = w.webhook_id join triggers t on t.id = w.trigger_id"
            + " where w.payload is not null order by w.position)"
            + " select idempotency_key from action";

    private static final String UPDATE_TRIGGERS = "update triggers t set handled_digest = v.handled_digest,"
            + " last_triggered_digest = v.last_triggered_digest,"
            + " last_triggered_reference = v.last_triggered_reference, last_triggered_at = v.last_triggered_at"
            + " from unnest($1::int8[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])"
            + " as v(id, handled_digest, last_triggered_digest, last_triggered_reference, last_triggered_at)"
            + " where t.id = v.id";

    /** A tag's newest image in the batch, and when it moved there. */
    public record TagAt(TagImage image, Instant changedAt) {}

    /** @param newest at most one per tag: an upsert may not touch one row twice */
    public Uni<Void> remember(SqlConnection connection, Collection<TagAt> newest) {
        return connection
                .preparedQuery(REMEMBER_TAGS)
                .execute(Tuple.tuple(List.of(
                        newest.stream().map(t -> t.image().tag().namespace()).toArray(String[]::new),
                        newest.stream().map(t -> t.image().tag().imageStream()).toArray(String[]::new),
                        newest.stream().map(t -> t.image().tag().tag()).toArray(String[]::new),
                        newest.stream().map(t -> t.image().digest()).toArray(String[]::new),
                        newest.stream()
                                .map(t -> t.image().dockerImageReference())
                                .toArray(String[]::new),
                        newest.stream().map(t -> t.image().generation()).toArray(Long[]::new),
                        newest.stream().map(t -> timestamp(t.changedAt())).toArray(OffsetDateTime[]::new))))
                .replaceWithVoid();
    }

    /** The triggers following any of the tags, locked until the transaction ends, in id order. */
    public Uni<List<Trigger>> lockFollowers(SqlConnection connection, Collection<StreamTagRef> tags) {
        return connection
                .preparedQuery(LOCK_FOLLOWERS)
                .execute(Tuple.of(
                        tags.stream().map(StreamTagRef::namespace).toArray(String[]::new),
                        tags.stream().map(StreamTagRef::imageStream).toArray(String[]::new),
                        tags.stream().map(StreamTagRef::tag).toArray(String[]::new)))
                .map(rows -> {
                    List<Trigger> triggers = new ArrayList<>(rows.size());
                    rows.forEach(row -> triggers.add(trigger(row)));
                    return triggers;
                });
    }

    /**
     * Records the actions, and for each that is new its outbox row and, with a webhook, its pending delivery.
     *
     * @param firings in the batch's order, each key once
     * @return the keys of the actions recorded now; the others were spent before
     */
    public Uni<Set<String>> write(SqlConnection connection, List<Firing> firings) {
        return connection
                .preparedQuery(WRITE_FIRINGS)
                .execute(Tuple.tuple(List.of(
                        firings.stream().map(f -> f.trigger().id).toArray(Long[]::new),
                        firings.stream().map(f -> f.move().digest()).toArray(String[]::new),
                        firings.stream().map(f -> f.move().generation()).toArray(Long[]::new),
                        firings.stream().map(Firing::idempotencyKey).toArray(String[]::new),
                        firings.stream().map(f -> timestamp(f.at())).toArray(OffsetDateTime[]::new),
                        firings.stream().map(f -> f.event().topic).toArray(String[]::new),
                        firings.stream().map(f -> f.event().recordKey).toArray(String[]::new),
                        firings.stream().map(f -> f.event().type).toArray(String[]::new),
                        firings.stream().map(f -> f.event().subject).toArray(String[]::new),
                        firings.stream().map(f -> f.event().payload).toArray(String[]::new),
                        firings.stream().map(Firing::webhookBody).toArray(String[]::new))))
                .map(rows -> {
                    Set<String> recorded = new HashSet<>();
                    rows.forEach(row -> recorded.add(row.getString("idempotency_key")));
                    return recorded;
                });
    }

    /** Writes what the triggers dealt with and fired for. */
    public Uni<Void> update(SqlConnection connection, Collection<Trigger> triggers) {
        return connection
                .preparedQuery(UPDATE_TRIGGERS)
                .execute(Tuple.of(
                        triggers.stream().map(t -> t.id).toArray(Long[]::new),
                        triggers.stream().map(t -> t.handledDigest).toArray(String[]::new),
                        triggers.stream().map(t -> t.lastTriggeredDigest).toArray(String[]::new),
                        triggers.stream().map(t -> t.lastTriggeredReference).toArray(String[]::new),
                        triggers.stream().map(t -> timestamp(t.lastTriggeredAt)).toArray(OffsetDateTime[]::new)))
                .replaceWithVoid();
    }

    private static Trigger trigger(Row row) {
        Trigger trigger = new Trigger();
        trigger.id = row.getLong("id");
        trigger.uid = row.getUUID("uid");
        trigger.namespace = row.getString("namespace");
        trigger.name = row.getString("name");
        trigger.kind = KindColumn.ofText(row.getString("kind"));
        trigger.fromNamespace = row.getString("from_namespace");
        trigger.fromStream = row.getString("from_stream");
        trigger.fromTag = row.getString("from_tag");
        trigger.params = row.getString("params");
        trigger.webhookUrl = row.getString("webhook_url");
        trigger.paused = row.getBoolean("paused");
        trigger.handledDigest = row.getString("handled_digest");
        trigger.lastTriggeredDigest = row.getString("last_triggered_digest");
        trigger.lastTriggeredReference = row.getString("last_triggered_reference");
        OffsetDateTime lastTriggeredAt = row.getOffsetDateTime("last_triggered_at");
        trigger.lastTriggeredAt = lastTriggeredAt == null ? null : lastTriggeredAt.toInstant();
        return trigger;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
