package dev.tagline.imports.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.InvalidReferenceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The OCI 1.1 referrers API's answer, an image index of the manifests that refer to an image: the candidates for
 * cosign signatures are those of cosign's signature artifact type, and those without an artifact type (whose
 * manifest then shows whether it holds simple-signing layers). Attestations, SBOMs and the like are left out.
 */
public final class ReferrersIndex {

    static final String COSIGN_SIGNATURE_ARTIFACT = "application/vnd.dev.cosign.artifact.sig.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferrersIndex() {}

    /** A referrer that may be a signature manifest. */
    public record Candidate(Digest digest, boolean typedAsSignature) {}

    /** @throws NotASignatureException when the body is not an index */
    public static List<Candidate> candidates(byte[] body, String where) {
        JsonNode manifests;
        try {
            manifests = JSON.readTree(body).path("manifests");
        } catch (IOException | RuntimeException e) {
            throw new NotASignatureException(where + " is not JSON");
        }
        if (!manifests.isArray()) {
            throw new NotASignatureException(where + " is not an image index");
        }
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode descriptor : manifests) {
            String artifactType = descriptor.path("artifactType").asText("");
            if (!artifactType.isEmpty() && !artifactType.equals(COSIGN_SIGNATURE_ARTIFACT)) {
                continue;
            }
            try {
                candidates.add(
                        new Candidate(Digest.parse(descriptor.path("digest").asText("")), !artifactType.isEmpty()));
            } catch (InvalidReferenceException e) {
                throw new NotASignatureException(where + " lists a manifest without a valid digest");
            }
        }
        return candidates;
    }
}
