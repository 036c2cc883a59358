package dev.tagline.gateway.registry;

import dev.tagline.gateway.auth.SignatureScheme;
import dev.tagline.gateway.domain.Reading;
import java.util.Optional;
import java.util.Set;

/** One registry's webhook payload format: which bodies it sends, how it signs them, and what they report. */
public interface WebhookFormat {

    /** The name a source's {@code format} setting uses. */
    String name();

    /** Media types (without parameters, lowercase) of the bodies this format sends. */
    Set<String> mediaTypes();

    /** How this format's sender signs bodies with a shared secret; empty when it does not. */
    default Optional<SignatureScheme> signatureScheme() {
        return Optional.empty();
    }

    /**
     * Reads the whole body before anything is published.
     *
     * @throws dev.tagline.gateway.domain.InvalidPayloadException naming the first field that can never be accepted
     */
    Reading read(Delivery delivery);
}
