package dev.tagline.imports.service;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagSpecChanged;
import dev.tagline.events.MalformedEventException;
import dev.tagline.support.inbox.AppliedEventBatch;
import dev.tagline.support.inbox.AppliedEventBatch.EventId;
import dev.tagline.support.messaging.BatchSteps;
import dev.tagline.support.messaging.RecordHeaders;
import dev.tagline.support.time.Timestamps;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies one partition's batch of {@code imagestream-tag-events} to the schedule. Only {@code tag.spec-changed}
 * concerns it: a record of any other type is skipped by its type header, before its data is read. The spec
 * changes apply in one transaction on the reactive client: the events are recorded as applied (skipping those
 * applied before) and the schedule follows the new ones ({@link FollowerSchedule}). So a crash before commit changes
 * nothing, and a redelivered batch, or one applied again after a failure, finds its events applied and changes
 * nothing.
 */
@ApplicationScoped
public class SpecChangeApplier implements BatchSteps<Optional<SpecChangeApplier.SpecChange>> {

    /** A validated spec change with the CloudEvents identity it is recorded by. */
    public record SpecChange(EventId event, FollowerSchedule.Validated change) {}

    private final Pool pool;
    private final AppliedEventBatch appliedEvents;
    private final FollowerSchedule schedule;

    public SpecChangeApplier(Pool pool, AppliedEventBatch appliedEvents, FollowerSchedule schedule) {
        this.pool = pool;
        this.appliedEvents = appliedEvents;
        this.schedule = schedule;
    }

    /**
     * @return empty for a record of another type, which is skipped
     * @throws MalformedEventException when a spec change can never be applied, or the record says no known type
     */
    @Override
    public Optional<SpecChange> validate(ConsumerRecord<String, String> record) {
        if (isOfAnotherType(record)) {
            return Optional.empty();
        }
        CloudEventHeaders event = CloudEventHeaders.fromHeaders(name -> RecordHeaders.last(record, name));
        if (record.value() == null || record.value().isBlank()) {
            throw new MalformedEventException("data", "the record has no data");
        }
        FollowerSchedule.Validated change =
                schedule.validate(EventJson.read(record.value(), ImageStreamTagSpecChanged.class));
        return Optional.of(new SpecChange(new EventId(event.source(), event.id()), change));
    }

    /** @return whether a source is due now, so that the scheduled checks should look at once */
    @Override
    public Uni<Boolean> apply(List<Optional<SpecChange>> records) {
        List<SpecChange> changes = records.stream().flatMap(Optional::stream).toList();
        if (changes.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        Instant now = Timestamps.now();
        return pool.withTransaction(connection -> appliedEvents
                .recordFirstApplications(connection, changes, SpecChange::event, now)
                .chain(toApply -> toApply.isEmpty()
                        ? Uni.createFrom().item(false)
                        : schedule.apply(
                                connection,
                                toApply.stream().map(SpecChange::change).toList(),
                                now)));
    }

    /** A known type other than spec changes; a missing or unknown type is left to fail validation. */
    private static boolean isOfAnotherType(ConsumerRecord<String, String> record) {
        byte[] type = RecordHeaders.last(record, CloudEventHeaders.TYPE);
        return type != null
                && EventType.ofType(new String(type, StandardCharsets.UTF_8))
                        .filter(known -> known != EventType.IMAGESTREAM_TAG_SPEC_CHANGED)
                        .isPresent();
    }
}
