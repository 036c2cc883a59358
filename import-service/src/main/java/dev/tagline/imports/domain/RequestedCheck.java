package dev.tagline.imports.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.tagline.events.EventJson;
import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import dev.tagline.events.reference.Digest;
import java.util.List;
import java.util.TreeSet;

/**
 * What one signature check is about: an image, by digest, and the keys a signature may verify with (validated:
 * each PEM parses and has its fingerprint, no fingerprint twice).
 */
public record RequestedCheck(String registry, String repository, Digest digest, List<TrustedKey> keys) {

    private static final TypeReference<List<TrustedKey>> KEY_LIST = new TypeReference<>() {};

    public RequestedCheck {
        keys = List.copyOf(keys);
    }

    /** Reads a stored row's request back. */
    static RequestedCheck of(String registry, String repository, String digest, String keysJson) {
        try {
            return new RequestedCheck(
                    registry,
                    repository,
                    Digest.parse(digest),
                    EventJson.mapper().readValue(keysJson, KEY_LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "signature_checks.trusted_keys of " + registry + "/" + repository + "@" + digest
                            + " is not the JSON this service writes",
                    e);
        }
    }

    /** The fingerprints checked, in the request's order, as the verdict lists them. */
    public List<String> fingerprints() {
        return keys.stream().map(TrustedKey::fingerprint).toList();
    }

    /** The key set whatever its order, to tell whether a verdict published earlier was for the same keys. */
    public String keySet() {
        return String.join(",", new TreeSet<>(fingerprints()));
    }

    public String keysJson() {
        return EventJson.write(keys);
    }

    /** {@code registry/repository@digest}, the Kafka key of its events. */
    public String image() {
        return registry + "/" + repository + "@" + digest;
    }
}
