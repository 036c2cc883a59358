package dev.tagline.imports.store;

import dev.tagline.events.StreamTagRef;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Which stream tags follow which scheduled source. */
@ApplicationScoped
public class FollowerRepository {

    /** The source the stream tag follows now, if any. */
    public Uni<Optional<Long>> sourceOf(StreamTagRef streamTag) {
        String query = "select source_id from followers where namespace = ?1 and image_stream = ?2 and tag = ?3";
        return Panache.getSession().chain(session -> session.createNativeQuery(query, Long.class)
                        .setParameter(1, streamTag.namespace())
                        .setParameter(2, streamTag.imageStream())
                        .setParameter(3, streamTag.tag())
                        .getResultList())
                .map(ids -> ids.stream().findFirst());
    }

    public Uni<Integer> follow(StreamTagRef streamTag, long sourceId, boolean insecure) {
        String upsert = "insert into followers (namespace, image_stream, tag, source_id, insecure)"
                + " values (?1, ?2, ?3, ?4, ?5)"
                + " on conflict (namespace, image_stream, tag) do update set source_id = excluded.source_id,"
                + " insecure = excluded.insecure";
        return Panache.getSession().chain(session -> session.createNativeQuery(upsert)
                .setParameter(1, streamTag.namespace())
                .setParameter(2, streamTag.imageStream())
                .setParameter(3, streamTag.tag())
                .setParameter(4, sourceId)
                .setParameter(5, insecure)
                .executeUpdate());
    }

    public Uni<Integer> unfollow(StreamTagRef streamTag) {
        String delete = "delete from followers where namespace = ?1 and image_stream = ?2 and tag = ?3";
        return Panache.getSession().chain(session -> session.createNativeQuery(delete)
                .setParameter(1, streamTag.namespace())
                .setParameter(2, streamTag.imageStream())
                .setParameter(3, streamTag.tag())
                .executeUpdate());
    }

    /** Whether any stream tag marks the source insecure, which allows plain HTTP for it. */
    public Uni<Boolean> anyInsecure(String sourceKey) {
        String query = "select exists (select 1 from followers f join scheduled_sources s on s.id = f.source_id"
                + " where s.source_key = ?1 and f.insecure)";
        return Panache.getSession().chain(session -> session.createNativeQuery(query, Boolean.class)
                .setParameter(1, sourceKey)
                .getSingleResult());
    }
}
