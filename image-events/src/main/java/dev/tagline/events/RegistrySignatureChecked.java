package dev.tagline.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * {@code dev.tagline.registry.signature.checked}: the import-service looked for the cosign signatures of a digest
 * and checked them against the keys a {@link SignatureCheckRequested} listed.
 *
 * @param verifiedBy fingerprints of the listed keys that verify a signature naming this digest and repository;
 *     empty unless the verdict is {@code Verified}
 * @param checkedKeys fingerprints of every key checked, so that a consumer whose policy changed since the request can
 *     tell whether the verdict covers its keys
 * @param message what was found, for people
 */
public record RegistrySignatureChecked(
        String registry,
        String repository,
        String digest,
        SignatureVerdict verdict,
        List<String> verifiedBy,
        List<String> checkedKeys,
        String message,
        Instant checkedAt) {

    public RegistrySignatureChecked {
        verifiedBy = verifiedBy == null ? List.of() : List.copyOf(verifiedBy);
        checkedKeys = checkedKeys == null ? List.of() : List.copyOf(checkedKeys);
    }

    /** The Kafka key: {@code registry/repository@digest}. */
    @JsonIgnore
    public String key() {
        return RegistryKeys.digestKey(registry, repository, digest);
    }
}
