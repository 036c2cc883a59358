package dev.tagline.imports.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * The payload cosign signs for a container image ("simple signing"):
 * {@code {"critical":{"identity":{"docker-reference":…},"image":{"docker-manifest-digest":…},"type":…},"optional":…}}.
 * Only the critical part decides; {@code optional} holds annotations, which sign nothing Tagline checks.
 *
 * @param dockerReference the repository the signer named, {@code registry/repository} without tag or digest
 * @param manifestDigest the digest the signature is for
 */
public record SimpleSigningPayload(String dockerReference, String manifestDigest) {

    public static final String MEDIA_TYPE = "application/vnd.dev.cosign.simplesigning.v1+json";
    static final String TYPE = "cosign container image signature";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return empty when the bytes are not a cosign container image signature payload */
    public static Optional<SimpleSigningPayload> parse(byte[] payload) {
        JsonNode critical;
        try {
            critical = JSON.readTree(payload).path("critical");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        JsonNode reference = critical.path("identity").path("docker-reference");
        JsonNode digest = critical.path("image").path("docker-manifest-digest");
        if (!TYPE.equals(critical.path("type").asText(null)) || !reference.isTextual() || !digest.isTextual()) {
            return Optional.empty();
        }
        return Optional.of(new SimpleSigningPayload(reference.asText(), digest.asText()));
    }

    /**
     * Whether the payload names this image. cosign writes the repository as the signer spelled it, so Docker Hub's is
     * accepted under either of its names.
     */
    public boolean names(String registry, String repository, String digest) {
        if (!manifestDigest.equals(digest)) {
            return false;
        }
        String name = registry + "/" + repository;
        return dockerReference.equals(name)
                || registry.equals("docker.io") && dockerReference.equals("index.docker.io/" + repository);
    }
}
