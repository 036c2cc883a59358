package dev.tagline.tags.store;

import dev.tagline.tags.domain.Image;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Images by digest. */
@ApplicationScoped
public class ImageRepository implements PanacheRepositoryBase<Image, String> {

    /**
     * Records an image, filling in what an earlier observation did not know (an import may learn the media
     * type that a webhook left out); the same digest is the same content, so nothing known is replaced.
     *
     * @return the media type known for the digest now, which may come from an earlier observation
     */
    public Uni<String> remember(String digest, String mediaType, Long size, String platformsJson, Instant now) {
        String upsert = "insert into images (digest, media_type, size, platforms, first_seen)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict (digest) do update set"
                + " media_type = coalesce(images.media_type, excluded.media_type),"
                + " size = coalesce(images.size, excluded.size),"
                + " platforms = case when images.platforms = '[]' then excluded.platforms else images.platforms end";
        return getSession()
                .chain(session -> session.createNativeQuery(upsert)
                        .setParameter(1, digest)
                        .setParameter(2, mediaType)
                        .setParameter(3, size)
                        .setParameter(4, platformsJson)
                        .setParameter(5, now)
                        .executeUpdate()
                        // Not "returning": Hibernate 7.2 caches a new plan for every execution of a native select.
                        .chain(() -> session.createSelectionQuery(
                                        "select mediaType from Image where digest = ?1", String.class)
                                .setParameter(1, digest)
                                .getSingleResultOrNull()));
    }
}
