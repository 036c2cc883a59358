package dev.tagline.triggers.service;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagUpdated;
import dev.tagline.events.MalformedEventException;
import dev.tagline.events.StreamTagRef;
import dev.tagline.support.inbox.AppliedEventBatch;
import dev.tagline.support.inbox.AppliedEventBatch.EventId;
import dev.tagline.support.messaging.BatchSteps;
import dev.tagline.support.messaging.RecordHeaders;
import dev.tagline.support.time.Timestamps;
import dev.tagline.triggers.config.TriggersConfig;
import dev.tagline.triggers.domain.FiringFold;
import dev.tagline.triggers.domain.TagEvent;
import dev.tagline.triggers.domain.TagUpdateValidator;
import dev.tagline.triggers.store.TagMoveRepository;
import dev.tagline.triggers.store.TagMoveRepository.TagAt;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies one partition's batch of {@code tag.updated} events in one transaction on the reactive client, whatever
 * its length in five statements: record the events as applied (skipping those applied before), remember each tag's
 * newest image, lock the triggers following any of the batch's tags in id order (as the REST paths lock them, so the
 * two never deadlock), fold the moves into them in memory in offset order ({@link FiringFold}), write the actions
 * with their outbox rows and deliveries, and update the triggers. The record that an event was applied commits with
 * what it changed, so a crash before commit changes nothing, and a redelivered batch finds its events applied and
 * writes nothing.
 */
@ApplicationScoped
public class TagMovesApplier implements BatchSteps<TagEvent> {

    private final Pool pool;
    private final AppliedEventBatch appliedEvents;
    private final TagMoveRepository store;
    private final String eventSource;

    public TagMovesApplier(Pool pool, AppliedEventBatch appliedEvents, TagMoveRepository store, TriggersConfig config) {
        this.pool = pool;
        this.appliedEvents = appliedEvents;
        this.store = store;
        this.eventSource = config.eventSource();
    }

    /**
     * Other types pass by on their type header alone, so that types this service does not know are not
     * dead-lettered as unreadable; a record without the header is left to the full check, which refuses it.
     *
     * @throws MalformedEventException when the record can never be applied
     */
    @Override
    public TagEvent validate(ConsumerRecord<String, String> record) {
        byte[] type = RecordHeaders.last(record, CloudEventHeaders.TYPE);
        if (type != null
                && !EventType.IMAGESTREAM_TAG_UPDATED.type().equals(new String(type, StandardCharsets.UTF_8))) {
            return new TagEvent.PassedBy();
        }
        CloudEventHeaders event = CloudEventHeaders.fromHeaders(name -> RecordHeaders.last(record, name));
        if (record.value() == null || record.value().isBlank()) {
            throw new MalformedEventException("data", "the record has no data");
        }
        ImageStreamTagUpdated updated = EventJson.read(record.value(), ImageStreamTagUpdated.class);
        return new TagEvent.Move(event, TagUpdateValidator.validate(updated), updated.changedAt());
    }

    /** @return whether any trigger fired, i.e. the outbox and perhaps the deliveries have new rows */
    @Override
    public Uni<Boolean> apply(List<TagEvent> events) {
        List<TagEvent.Move> moves = events.stream()
                .filter(TagEvent.Move.class::isInstance)
                .map(TagEvent.Move.class::cast)
                .toList();
        if (moves.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        Instant now = Timestamps.now();
        return pool.withTransaction(connection -> appliedEvents
                .recordFirstApplications(connection, moves, TagMovesApplier::idOf, now)
                .chain(toApply -> toApply.isEmpty() ? Uni.createFrom().item(false) : apply(connection, toApply, now)));
    }

    private Uni<Boolean> apply(SqlConnection connection, List<TagEvent.Move> moves, Instant now) {
        Map<StreamTagRef, TagAt> newest = new LinkedHashMap<>();
        moves.forEach(move -> newest.put(
                move.image().tag(), new TagAt(move.image(), move.changedAt() == null ? now : move.changedAt())));
        return store.remember(connection, newest.values())
                .chain(() -> store.lockFollowers(connection, newest.keySet()))
                .chain(followers -> {
                    if (followers.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    FiringFold fold = new FiringFold(followers, eventSource, now);
                    moves.forEach(move -> fold.observe(move.image()));
                    return write(connection, fold);
                });
    }

    private Uni<Boolean> write(SqlConnection connection, FiringFold fold) {
        if (fold.firings().isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return store.write(connection, fold.firings()).chain(keys -> {
            fold.recorded(keys);
            return store.update(connection, fold.touched()).replaceWith(!keys.isEmpty());
        });
    }

    private static EventId idOf(TagEvent.Move move) {
        return new EventId(move.event().source(), move.event().id());
    }
}
