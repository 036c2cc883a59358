package dev.tagline.tags.store;

import dev.tagline.tags.domain.Sequentially;
import dev.tagline.tags.domain.SignedImage;
import dev.tagline.tags.domain.VerifiedImage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The keys checks found an image signed with. */
@ApplicationScoped
public class VerifiedImageRepository implements PanacheRepositoryBase<VerifiedImage, VerifiedImage.Key> {

    /** The fingerprints of every key a check verified the image with. */
    public Uni<Set<String>> keysOf(SignedImage image) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select keyFingerprint from VerifiedImage"
                                        + " where registry = ?1 and repository = ?2 and digest = ?3",
                                String.class)
                        .setParameter(1, image.registry())
                        .setParameter(2, image.repository())
                        .setParameter(3, image.digest())
                        .getResultList())
                .map(HashSet::new);
    }

    /** Records the keys; ones recorded before (a redelivered verdict, a second check) are kept as they were. */
    public Uni<Void> record(SignedImage image, Collection<String> keyFingerprints, Instant now) {
        String insert = "insert into verified_images (registry, repository, digest, key_fingerprint, verified_at)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing";
        return Sequentially.forEach(
                List.copyOf(keyFingerprints),
                fingerprint -> getSession()
                        .chain(session -> session.createNativeQuery(insert)
                                .setParameter(1, image.registry())
                                .setParameter(2, image.repository())
                                .setParameter(3, image.digest())
                                .setParameter(4, fingerprint)
                                .setParameter(5, now)
                                .executeUpdate()));
    }
}
