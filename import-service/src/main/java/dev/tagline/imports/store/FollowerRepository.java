package dev.tagline.imports.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Which stream tags follow which scheduled source, as the import paths read it; {@link ScheduleWrites} writes it. */
@ApplicationScoped
public class FollowerRepository {

    /** Whether any stream tag marks the source insecure, which allows plain HTTP for it. */
    public Uni<Boolean> anyInsecure(String sourceKey) {
        String query = "select exists (select 1 from followers f join scheduled_sources s on s.id = f.source_id"
                + " where s.source_key = ?1 and f.insecure)";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(query, Boolean.class)
                        .setParameter(1, sourceKey)
                        .getSingleResult());
    }

    /**
     * Whether any stream tag following a source in the repository marks it insecure: an image of that repository
     * (a signature check names no tag) may then be read over plain HTTP too.
     */
    public Uni<Boolean> anyInsecureInRepository(String registry, String repository) {
        String query = "select exists (select 1 from followers f join scheduled_sources s on s.id = f.source_id"
                + " where s.registry = ?1 and s.repository = ?2 and f.insecure)";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(query, Boolean.class)
                        .setParameter(1, registry)
                        .setParameter(2, repository)
                        .getSingleResult());
    }
}
