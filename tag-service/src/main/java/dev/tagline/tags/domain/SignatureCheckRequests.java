package dev.tagline.tags.domain;

import dev.tagline.events.EventType;
import dev.tagline.events.SignatureCheckRequested;
import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

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
        SignatureCheckRequested requested = requested(image, keys, now);
        return outbox.write(EventType.SIGNATURE_CHECK_REQUESTED, requested.key(), requested, now);
    }

    /** The outbox row of a request, for the batch path, which writes its rows itself. */
    public static OutboxMessage message(SignedImage image, Collection<TrustedKey> keys, Instant now) {
        SignatureCheckRequested requested = requested(image, keys, now);
        return OutboxMessage.of(EventType.SIGNATURE_CHECK_REQUESTED, requested.key(), requested, now);
    }

    private static SignatureCheckRequested requested(SignedImage image, Collection<TrustedKey> keys, Instant now) {
        return new SignatureCheckRequested(image.registry(), image.repository(), image.digest(), List.copyOf(keys),
                now);
    }
}
