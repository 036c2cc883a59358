package dev.tagline.imports.service;

import dev.tagline.events.reference.ImageReference;
import dev.tagline.imports.domain.CheckTiming;
import dev.tagline.imports.domain.ImportResult;
import dev.tagline.imports.registry.ImportFailedException;
import dev.tagline.imports.registry.RegistryClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Resolves a registry tag, honouring the registry's pause: a paused registry is not asked at all, and a registry
 * that answers 429 (or 503 with {@code Retry-After}) is paused, for every tag of it and every replica.
 */
@ApplicationScoped
public class Importer {

    private final RegistryClient client;
    private final RegistryPauses pauses;
    private final CheckTiming timing;

    public Importer(RegistryClient client, RegistryPauses pauses, CheckTiming timing) {
        this.client = client;
        this.pauses = pauses;
        this.timing = timing;
    }

    /** Never fails with {@link ImportFailedException}: that is a result. */
    public Uni<ImportResult> resolve(ImageReference source, boolean insecure) {
        Instant now = Instant.now();
        Optional<Instant> paused = pauses.pausedUntil(source.registry(), now);
        if (paused.isPresent()) {
            return Uni.createFrom()
                    .item(ImportResult.failed(ImportFailedException.rateLimited(
                            source.registry() + " asked to be left alone until " + paused.get(),
                            Duration.between(now, paused.get()))));
        }
        return client.resolve(source, insecure)
                .map(ImportResult::resolved)
                .onFailure(ImportFailedException.class)
                .recoverWithItem(failure -> ImportResult.failed((ImportFailedException) failure))
                .call(result -> result.succeeded()
                        ? Uni.createFrom().voidItem()
                        : timing.pauseFor(result.failure())
                                .map(pause -> pauses.pause(source.registry(), pause))
                                .orElse(Uni.createFrom().voidItem()));
    }
}
