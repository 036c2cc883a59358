package dev.tagline.imports.store;

import dev.tagline.imports.domain.RegistryPause;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Pauses registries asked for, shared by every replica through the database. */
@ApplicationScoped
public class RegistryPauseRepository implements PanacheRepositoryBase<RegistryPause, String> {

    /** Pauses the registry until {@code until}, or longer if it is paused longer already. */
    public Uni<Integer> pause(String registry, Instant until) {
        String upsert = "insert into registry_pauses (registry, paused_until) values (?1, ?2)"
                + " on conflict (registry) do update set paused_until ="
                + " greatest(registry_pauses.paused_until, excluded.paused_until)";
        return getSession()
                .chain(session -> session.createNativeQuery(upsert)
                        .setParameter(1, registry)
                        .setParameter(2, until)
                        .executeUpdate());
    }

    public Uni<List<RegistryPause>> activeAt(Instant now) {
        return list("pausedUntil > ?1", now);
    }

    public Uni<Long> deleteEndedBefore(Instant cutoff) {
        return delete("pausedUntil < ?1", cutoff);
    }
}
