package dev.tagline.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * {@code dev.tagline.signature.check-requested}: a stream tag under an image policy observed a digest that no
 * earlier check verified with the policy's keys; the import-service looks for its cosign signatures and answers with
 * {@link RegistrySignatureChecked}.
 *
 * @param digest the manifest or index digest the signature must name
 * @param keys every key a signature may verify with, for all the policies that wait on this digest
 */
public record SignatureCheckRequested(
        String registry, String repository, String digest, List<TrustedKey> keys, Instant requestedAt) {

    public SignatureCheckRequested {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /** The Kafka key: {@code registry/repository@digest}, so that the checks of one image stay in order. */
    @JsonIgnore
    public String key() {
        return RegistryKeys.digestKey(registry, repository, digest);
    }

    /**
     * A public key an image policy trusts.
     *
     * @param fingerprint {@code sha256:<hex>} of the key's DER encoding, as {@code signing.PublicKeys} computes it
     * @param publicKey PEM, {@code -----BEGIN PUBLIC KEY-----}
     */
    public record TrustedKey(String fingerprint, String publicKey) {}
}
