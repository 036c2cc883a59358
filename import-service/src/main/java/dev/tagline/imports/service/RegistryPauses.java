package dev.tagline.imports.service;

import dev.tagline.imports.store.RegistryPauseRepository;
import dev.tagline.support.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registries that asked to be left alone (429, or 503 with {@code Retry-After}), until when. Kept in the database,
 * so every replica honours a pause any of them was asked for, and mirrored here, so a check need not query for it.
 */
@ApplicationScoped
public class RegistryPauses {

    private final RegistryPauseRepository repository;
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();

    public RegistryPauses(RegistryPauseRepository repository) {
        this.repository = repository;
    }

    public Optional<Instant> pausedUntil(String registry, Instant now) {
        Instant until = pausedUntil.get(registry);
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /** Records a pause in its own transaction; call it outside any other. */
    public Uni<Void> pause(String registry, Duration duration) {
        Instant until = Timestamps.now().plus(duration);
        return Panache.withTransaction(() -> repository.pause(registry, until))
                .invoke(() -> remember(registry, until))
                .replaceWithVoid();
    }

    /** Takes over the pauses other replicas recorded. */
    public Uni<Void> refresh() {
        Instant now = Timestamps.now();
        return Panache.withSession(() -> repository.activeAt(now))
                .invoke(active -> active.forEach(pause -> remember(pause.registry, pause.pausedUntil)))
                .replaceWithVoid();
    }

    private void remember(String registry, Instant until) {
        pausedUntil.merge(registry, until, (known, told) -> known.isAfter(told) ? known : told);
    }
}
