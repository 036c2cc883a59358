package dev.tagline.tags.service;

import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import dev.tagline.tags.domain.SignedImage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;

/**
 * Asks the import-service, through the outbox, to check an image's signatures with the keys of every policy waiting
 * on it; its answer comes back on {@code registry-tag-events} ({@link SignatureVerdictApplier}).
 */
@ApplicationScoped
public class SignatureCheckRequests {

    private final OutboxWriter outbox;

    public SignatureCheckRequests(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> request(SignedImage image, Collection<TrustedKey> keys, Instant now) {
        return outbox.write(image.checkRequest(keys, now));
    }
}
