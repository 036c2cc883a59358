package dev.tagline.events.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.events.Platform;
import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.InvalidReferenceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reading of an image index (OCI image index or Docker manifest list) into the {@code platforms} of
 * {@code registry.tag.changed}, so that a push gives the same platforms whichever service saw it. A child is a
 * platform when it names an os and an architecture; left out are children without a platform (artifacts),
 * BuildKit's attestation manifests (annotation {@code vnd.docker.reference.type: attestation-manifest}) and any
 * other {@code unknown/unknown} child: none of them runs anywhere.
 */
public final class IndexManifest {

    static final String REFERENCE_TYPE = "vnd.docker.reference.type";
    static final String ATTESTATION = "attestation-manifest";
    private static final String UNKNOWN = "unknown";
    private static final ObjectMapper JSON = new ObjectMapper();

    private IndexManifest() {}

    /** @throws InvalidIndexException when the bytes are no index: not JSON, no {@code manifests}, a bad digest */
    public static List<Platform> platforms(byte[] index) {
        JsonNode manifests = read(index).path("manifests");
        if (!manifests.isArray()) {
            throw new InvalidIndexException("an index without a manifests array");
        }
        List<Platform> platforms = new ArrayList<>();
        for (JsonNode child : manifests) {
            JsonNode platform = child.path("platform");
            String os = platform.path("os").asText("");
            String architecture = platform.path("architecture").asText("");
            if (os.isEmpty()
                    || architecture.isEmpty()
                    || isAttestation(child)
                    || os.equals(UNKNOWN) && architecture.equals(UNKNOWN)) {
                continue;
            }
            String variant = platform.path("variant").asText("");
            platforms.add(new Platform(digestOf(child), os, architecture, variant.isEmpty() ? null : variant));
        }
        return platforms;
    }

    private static boolean isAttestation(JsonNode child) {
        return ATTESTATION.equals(child.path("annotations").path(REFERENCE_TYPE).asText(null));
    }

    private static String digestOf(JsonNode child) {
        try {
            return Digest.parse(child.path("digest").asText("")).toString();
        } catch (InvalidReferenceException e) {
            throw new InvalidIndexException("a child with a bad digest: " + e.getMessage());
        }
    }

    private static JsonNode read(byte[] index) {
        try {
            JsonNode root = JSON.readTree(index);
            if (root == null || !root.isObject()) {
                throw new InvalidIndexException("not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new InvalidIndexException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidIndexException("unreadable: " + e.getMessage());
        }
    }
}
