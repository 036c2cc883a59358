package dev.tagline.tags.domain;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.MalformedEventException;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.events.RegistryTagDeleted;
import dev.tagline.events.RegistryTagImportFailed;
import dev.tagline.support.inbox.AppliedEventLog;
import dev.tagline.support.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Applies one event from {@code registry-tag-events}: the change and the record that the event was applied
 * commit together, so a redelivered event changes nothing and emits nothing.
 */
@ApplicationScoped
public class RegistryEventApplier {

    private final AppliedEventLog appliedEvents;
    private final RegistryTagChangeApplier changes;
    private final SourceProblemRecorder problems;

    public RegistryEventApplier(AppliedEventLog appliedEvents, RegistryTagChangeApplier changes,
            SourceProblemRecorder problems) {
        this.appliedEvents = appliedEvents;
        this.changes = changes;
        this.problems = problems;
    }

    /**
     * Validates the event before any database work, so a malformed one fails fast and never half-applies.
     *
     * @throws MalformedEventException when the event can never be applied
     */
    public Uni<Boolean> apply(CloudEventHeaders event, String data) {
        Instant now = Timestamps.now();
        return switch (event.type()) {
            case REGISTRY_TAG_CHANGED -> {
                RegistryTagChangeApplier.Validated validated = changes.validate(
                        EventJson.read(data, RegistryTagChanged.class));
                yield once(event, now, () -> changes.apply(validated, now));
            }
            case REGISTRY_TAG_DELETED -> {
                SourceProblemRecorder.ValidDeletion deletion = problems.validate(
                        EventJson.read(data, RegistryTagDeleted.class));
                yield once(event, now, () -> problems.sourceDeleted(deletion, now));
            }
            case REGISTRY_TAG_IMPORT_FAILED -> {
                SourceProblemRecorder.ValidFailure failure = problems.validate(
                        EventJson.read(data, RegistryTagImportFailed.class));
                yield once(event, now, () -> problems.importFailed(failure, now));
            }
            default -> throw new MalformedEventException(CloudEventHeaders.TYPE,
                    event.type().type() + " does not belong on this topic");
        };
    }

    /** @return false when the event was applied before */
    private Uni<Boolean> once(CloudEventHeaders event, Instant now, Supplier<Uni<?>> change) {
        return Panache.withTransaction(() -> appliedEvents.recordFirstApplication(event.source(), event.id(), now)
                .chain(first -> first ? change.get().replaceWith(true) : Uni.createFrom().item(false)));
    }
}
