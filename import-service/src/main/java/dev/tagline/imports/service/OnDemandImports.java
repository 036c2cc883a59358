package dev.tagline.imports.service;

import dev.tagline.events.Origin;
import dev.tagline.imports.domain.ImportOrder;
import dev.tagline.imports.domain.RegistryRateLimits;
import dev.tagline.imports.outbox.OutboxRelay;
import dev.tagline.imports.registry.RegistryNotAllowedException;
import dev.tagline.imports.registry.ResolvedImage;
import dev.tagline.support.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Imports a tag now, as {@code oc import-image} does: resolves the source, then publishes a
 * {@code registry.tag.changed} that targets the stream tag, which the tag-service creates or moves. The target
 * carries the order's policies, which the tag-service gives the spec tag; one that asks for scheduled imports comes
 * back as a {@code tag.spec-changed}, which schedules it here. A registry's failure is published as
 * {@code registry.tag.import-failed} for the target and answered to the caller; a registry the configuration does
 * not allow is refused and nothing is published.
 */
@ApplicationScoped
public class OnDemandImports {

    private final Importer importer;
    private final RegistryRateLimits rateLimits;
    private final ImportEvents events;
    private final ObservedElsewhere schedule;
    private final OutboxRelay relay;

    public OnDemandImports(
            Importer importer,
            RegistryRateLimits rateLimits,
            ImportEvents events,
            ObservedElsewhere schedule,
            OutboxRelay relay) {
        this.importer = importer;
        this.rateLimits = rateLimits;
        this.events = events;
        this.schedule = schedule;
        this.relay = relay;
    }

    /**
     * @throws dev.tagline.imports.registry.ImportFailedException (as the failure) when the registry could not
     *     resolve the tag
     */
    public Uni<ResolvedImage> importNow(ImportOrder order) {
        rateLimits.take(order.source().registry());
        return importer.resolve(order.source(), order.insecure()).chain(result -> {
            if (!result.succeeded()) {
                if (result.failure() instanceof RegistryNotAllowedException) {
                    return Uni.createFrom().failure(result.failure());
                }
                return publish(now -> events.failed(
                                UUID.randomUUID(),
                                order.source(),
                                result.failure(),
                                events.origin(Origin.Kind.IMPORT),
                                order.target(),
                                now))
                        .chain(() -> Uni.createFrom().failure(result.failure()));
            }
            return publish(now -> events.changed(
                                    UUID.randomUUID(),
                                    order.source(),
                                    result.image(),
                                    events.origin(Origin.Kind.IMPORT),
                                    order.eventTarget(),
                                    now)
                            .call(() -> schedule.resolved(order.source(), result.image())))
                    .replaceWith(result.image());
        });
    }

    private Uni<Void> publish(Function<Instant, Uni<Void>> write) {
        return Panache.withTransaction(() -> write.apply(Timestamps.now())).invoke(relay::nudge);
    }
}
