package dev.tagline.tags.domain;

import dev.tagline.events.EventType;
import dev.tagline.events.SignatureCheckRequested;
import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import dev.tagline.events.reference.ImageReference;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * An image as a signature names it: the registry and repository it was seen in, and its digest. Verdicts are kept
 * per repository, since a cosign signature names the repository it was made for.
 */
public record SignedImage(String registry, String repository, String digest) {

    /** From a history item's pull spec, {@code registry/repository@digest}, which every item records. */
    public static SignedImage of(String dockerImageReference) {
        ImageReference reference = ImageReference.parse(dockerImageReference);
        if (reference.digest() == null) {
            throw new IllegalArgumentException("a history item's pull spec has a digest: " + dockerImageReference);
        }
        return new SignedImage(
                reference.registry(), reference.repository(), reference.digest().toString());
    }

    /** {@code registry/repository@digest}: the pull spec history items record, and the Kafka key of checks. */
    public String reference() {
        return registry + "/" + repository + "@" + digest;
    }

    /** The outbox row that asks the import-service to check this image's signatures with these keys. */
    public OutboxMessage checkRequest(Collection<TrustedKey> keys, Instant now) {
        SignatureCheckRequested requested =
                new SignatureCheckRequested(registry, repository, digest, List.copyOf(keys), now);
        return OutboxMessage.of(EventType.SIGNATURE_CHECK_REQUESTED, requested.key(), requested, now);
    }
}
