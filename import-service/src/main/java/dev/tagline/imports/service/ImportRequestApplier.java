package dev.tagline.imports.service;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.ImportRequested;
import dev.tagline.events.MalformedEventException;
import dev.tagline.events.Origin;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.events.reference.InvalidReferenceException;
import dev.tagline.imports.domain.EventFields;
import dev.tagline.imports.domain.EventIds;
import dev.tagline.imports.domain.RegistryRateLimits;
import dev.tagline.imports.store.FollowerRepository;
import dev.tagline.support.inbox.AppliedEventLog;
import dev.tagline.support.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves an {@code import.requested} (a webhook named a tag but no digest) at once and publishes what it found:
 * a {@code registry.tag.changed} carrying the request's origin, so that the move reads as the push it was, or a
 * {@code registry.tag.import-failed}. The request is recorded as applied in the transaction that writes the
 * event; the event id derives from the request's, so even a second resolution publishes the same event.
 */
@ApplicationScoped
public class ImportRequestApplier {

    private final AppliedEventLog appliedEvents;
    private final FollowerRepository followers;
    private final Importer importer;
    private final RegistryRateLimits rateLimits;
    private final ImportEvents events;
    private final ObservedElsewhere schedule;

    public ImportRequestApplier(
            AppliedEventLog appliedEvents,
            FollowerRepository followers,
            Importer importer,
            RegistryRateLimits rateLimits,
            ImportEvents events,
            ObservedElsewhere schedule) {
        this.appliedEvents = appliedEvents;
        this.followers = followers;
        this.importer = importer;
        this.rateLimits = rateLimits;
        this.events = events;
        this.schedule = schedule;
    }

    /** The request's source and origin, checked before any other work. */
    record Validated(ImageReference source, Origin origin) {}

    /**
     * @return false when the request was answered before
     * @throws MalformedEventException when the request can never be answered
     */
    public Uni<Boolean> apply(CloudEventHeaders event, String data) {
        Validated request = validate(event, data);
        UUID answerId = EventIds.answering(event.source(), event.id());
        // A source some spec tag marks insecure is fetched over plain HTTP here too.
        return Panache.withSession(() -> appliedEvents
                        .wasApplied(event.source(), event.id())
                        .chain(applied -> applied
                                ? Uni.createFrom().item(Optional.<Boolean>empty())
                                : followers
                                        .anyInsecure(request.source().tagKey())
                                        .map(Optional::of)))
                .chain(insecure -> insecure.isEmpty()
                        ? Uni.createFrom().item(false)
                        : answer(event, request, answerId, insecure.get()));
    }

    private Uni<Boolean> answer(CloudEventHeaders event, Validated request, UUID answerId, boolean insecure) {
        rateLimits.take(request.source().registry());
        return importer.resolve(request.source(), insecure)
                .chain(result -> Panache.withTransaction(() -> appliedEvents
                        .recordFirstApplication(event.source(), event.id(), Timestamps.now())
                        .chain(first -> {
                            if (!first) {
                                return Uni.createFrom().item(false);
                            }
                            Instant now = Timestamps.now();
                            Uni<Void> written = result.succeeded()
                                    ? events.changed(
                                                    answerId,
                                                    request.source(),
                                                    result.image(),
                                                    request.origin(),
                                                    null,
                                                    now)
                                            .call(() -> schedule.resolved(request.source(), result.image()))
                                    : events.failed(
                                            answerId, request.source(), result.failure(), request.origin(), null, now);
                            return written.replaceWith(true);
                        })));
    }

    /**
     * Reads and checks a request before any other work.
     *
     * @throws MalformedEventException when the request can never be answered
     */
    static Validated validate(CloudEventHeaders event, String data) {
        if (event.type() != EventType.IMPORT_REQUESTED) {
            throw new MalformedEventException(
                    CloudEventHeaders.TYPE, event.type().type() + " does not belong on this topic");
        }
        return validate(EventJson.read(data, ImportRequested.class));
    }

    private static Validated validate(ImportRequested request) {
        EventFields.require("registry", request.registry());
        EventFields.require("repository", request.repository());
        EventFields.require("tag", request.tag());
        EventFields.require("origin", request.origin());
        EventFields.require("origin.kind", request.origin().kind());
        EventFields.require("origin.source", request.origin().source());
        try {
            return new Validated(
                    new ImageReference(request.registry(), request.repository(), request.tag(), null),
                    request.origin());
        } catch (InvalidReferenceException e) {
            throw new MalformedEventException("registry/repository:tag", "registry/repository:tag: " + e.getMessage());
        }
    }
}
