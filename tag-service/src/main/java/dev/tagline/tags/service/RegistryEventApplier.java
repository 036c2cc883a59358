package dev.tagline.tags.service;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.MalformedEventException;
import dev.tagline.events.RegistrySignatureChecked;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.events.RegistryTagDeleted;
import dev.tagline.events.RegistryTagImportFailed;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.events.signing.CosignSignatureTags;
import dev.tagline.support.inbox.AppliedEventLog;
import dev.tagline.support.messaging.BatchSteps;
import dev.tagline.support.messaging.RecordHeaders;
import dev.tagline.support.time.Timestamps;
import dev.tagline.tags.domain.IntegratedRegistries;
import dev.tagline.tags.domain.SignedImage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies one partition's batch of {@code registry-tag-events}, in offset order. Consecutive changes that concern
 * only followers of their registry tags (every push and scheduled import) apply together in one set-based
 * transaction ({@link FollowerObservationsApplier}); any other event (an import into a named target, a push to an
 * integrated registry, a deleted tag, a failed import, a signature verdict, a push of a cosign signature tag) applies
 * alone in a transaction of its own, as it always did.
 * Either way, the change and the record that its event was applied commit together, so a redelivered batch, even one
 * that committed in part, changes nothing and emits nothing twice.
 */
@ApplicationScoped
public class RegistryEventApplier implements BatchSteps<RegistryEventApplier.Valid> {

    /** A validated event with its CloudEvent identity. */
    public sealed interface Valid {
        CloudEventHeaders event();
    }

    record Change(CloudEventHeaders event, RegistryTagChangeApplier.Validated change) implements Valid {}

    record Deletion(CloudEventHeaders event, SourceProblemRecorder.ValidDeletion deletion) implements Valid {}

    record ImportFailure(CloudEventHeaders event, SourceProblemRecorder.ValidFailure failure) implements Valid {}

    record SignatureChecked(CloudEventHeaders event, SignatureVerdictApplier.Validated verdict) implements Valid {}

    private final AppliedEventLog appliedEvents;
    private final RegistryTagChangeApplier changes;
    private final FollowerObservationsApplier followerObservations;
    private final IntegratedRegistries integratedRegistries;
    private final SourceProblemRecorder problems;
    private final SignatureVerdictApplier verdicts;
    private final SignatureRechecks rechecks;

    public RegistryEventApplier(
            AppliedEventLog appliedEvents,
            RegistryTagChangeApplier changes,
            FollowerObservationsApplier followerObservations,
            IntegratedRegistries integratedRegistries,
            SourceProblemRecorder problems,
            SignatureVerdictApplier verdicts,
            SignatureRechecks rechecks) {
        this.appliedEvents = appliedEvents;
        this.changes = changes;
        this.followerObservations = followerObservations;
        this.integratedRegistries = integratedRegistries;
        this.problems = problems;
        this.verdicts = verdicts;
        this.rechecks = rechecks;
    }

    /**
     * Validates the event before any database work, so a malformed one fails fast and never half-applies.
     *
     * @throws MalformedEventException when the event can never be applied
     */
    @Override
    public Valid validate(ConsumerRecord<String, String> record) {
        CloudEventHeaders event = CloudEventHeaders.fromHeaders(name -> RecordHeaders.last(record, name));
        String data = record.value();
        if (data == null || data.isBlank()) {
            throw new MalformedEventException("data", "the record has no data");
        }
        return switch (event.type()) {
            case REGISTRY_TAG_CHANGED ->
                new Change(event, changes.validate(EventJson.read(data, RegistryTagChanged.class)));
            case REGISTRY_TAG_DELETED ->
                new Deletion(event, problems.validate(EventJson.read(data, RegistryTagDeleted.class)));
            case REGISTRY_TAG_IMPORT_FAILED ->
                new ImportFailure(event, problems.validate(EventJson.read(data, RegistryTagImportFailed.class)));
            case REGISTRY_SIGNATURE_CHECKED ->
                new SignatureChecked(event, verdicts.validate(EventJson.read(data, RegistrySignatureChecked.class)));
            default ->
                throw new MalformedEventException(
                        CloudEventHeaders.TYPE, event.type().type() + " does not belong on this topic");
        };
    }

    /** @return whether anything may have been written to the outbox */
    @Override
    public Uni<Boolean> apply(List<Valid> events) {
        return Multi.createFrom()
                .iterable(runs(events))
                .onItem()
                .transformToUniAndConcatenate(this::applyRun)
                .collect()
                .in(() -> new boolean[1], (changed, runChanged) -> changed[0] |= runChanged)
                .map(changed -> changed[0]);
    }

    /** The batch cut, in order, into runs of follower-only changes and single other events. */
    private List<List<Valid>> runs(List<Valid> events) {
        List<List<Valid>> runs = new ArrayList<>();
        List<Valid> followerRun = null;
        for (Valid valid : events) {
            if (concernsOnlyFollowers(valid)) {
                if (followerRun == null) {
                    followerRun = new ArrayList<>();
                    runs.add(followerRun);
                }
                followerRun.add(valid);
            } else {
                followerRun = null;
                runs.add(List.of(valid));
            }
        }
        return runs;
    }

    /** A push of a cosign signature tag also asks again for the checks waiting on the digest it signs. */
    private boolean concernsOnlyFollowers(Valid valid) {
        return valid instanceof Change change
                && change.change().target() == null
                && integratedRegistries
                        .streamTagOf(change.change().observation().source())
                        .isEmpty()
                && signedImage(change).isEmpty();
    }

    private static Optional<SignedImage> signedImage(Change change) {
        ImageReference source = change.change().observation().source();
        return CosignSignatureTags.signedDigest(source.tag())
                .map(digest -> new SignedImage(source.registry(), source.repository(), digest.toString()));
    }

    private Uni<Boolean> applyRun(List<Valid> run) {
        Instant now = Timestamps.now();
        if (concernsOnlyFollowers(run.get(0))) {
            return followerObservations.apply(
                    run.stream()
                            .map(valid -> new FollowerObservationsApplier.Change(
                                    valid.event().source(), valid.event().id(), ((Change) valid).change()))
                            .toList(),
                    now);
        }
        Valid single = run.get(0);
        if (single instanceof Change change) {
            Optional<SignedImage> signed = signedImage(change);
            return once(
                    single.event(),
                    now,
                    () -> changes.apply(change.change(), now)
                            .chain(() -> signed.isPresent()
                                    ? rechecks.requestAgain(signed.get(), now)
                                    : Uni.createFrom().voidItem()));
        }
        if (single instanceof SignatureChecked checked) {
            return once(single.event(), now, () -> verdicts.apply(checked.verdict(), now));
        }
        if (single instanceof Deletion deletion) {
            return once(single.event(), now, () -> problems.sourceDeleted(deletion.deletion(), now));
        }
        ImportFailure failure = (ImportFailure) single;
        return once(single.event(), now, () -> problems.importFailed(failure.failure(), now));
    }

    /** @return false when the event was applied before */
    private Uni<Boolean> once(CloudEventHeaders event, Instant now, Supplier<Uni<?>> change) {
        return Panache.withTransaction(() -> appliedEvents
                .recordFirstApplication(event.source(), event.id(), now)
                .chain(first -> first
                        ? change.get().replaceWith(true)
                        : Uni.createFrom().item(false)));
    }
}
