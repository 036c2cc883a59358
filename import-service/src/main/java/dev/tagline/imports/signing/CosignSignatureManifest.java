package dev.tagline.imports.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.InvalidReferenceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The manifest cosign pushes an image's signatures in (under its {@code sha256-<hex>.sig} tag, or as a referrer): an
 * OCI image manifest with one simple-signing layer per signature, the signature itself base64 in the layer's
 * {@code dev.cosignproject.cosign/signature} annotation. Other layers are ignored.
 */
public final class CosignSignatureManifest {

    static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CosignSignatureManifest() {}

    /** A simple-signing layer: the payload blob to fetch and the signature over it. */
    public record SignatureLayer(Digest digest, long size, byte[] signature) {}

    /** The layers read and what was wrong with the others of the simple-signing type. */
    public record Layers(List<SignatureLayer> signatures, List<String> errors) {}

    /**
     * @param where names the manifest in errors
     * @param maxLayers more simple-signing layers than this are left unread, reported as an error
     * @throws NotASignatureException when the body is not a JSON manifest with a list of layers
     */
    public static Layers read(byte[] body, String where, int maxLayers) {
        JsonNode layers;
        try {
            layers = JSON.readTree(body).path("layers");
        } catch (IOException | RuntimeException e) {
            throw new NotASignatureException(where + " is not JSON");
        }
        if (!layers.isArray()) {
            throw new NotASignatureException(where + " is not an image manifest with layers");
        }
        List<SignatureLayer> signatures = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            JsonNode layer = layers.get(i);
            if (!SimpleSigningPayload.MEDIA_TYPE.equals(layer.path("mediaType").asText(null))) {
                continue;
            }
            if (signatures.size() == maxLayers) {
                errors.add(where + " has more than " + maxLayers + " signatures; the rest were not read");
                break;
            }
            String layerName = where + " layer " + i;
            try {
                signatures.add(new SignatureLayer(
                        Digest.parse(layer.path("digest").asText("")),
                        layer.path("size").asLong(-1),
                        signature(layer, layerName)));
            } catch (InvalidReferenceException e) {
                errors.add(layerName + " has no valid digest");
            } catch (NotASignatureException e) {
                errors.add(e.getMessage());
            }
        }
        return new Layers(signatures, errors);
    }

    /** Whether a manifest holds any simple-signing layer: a referrer without an artifact type may be a signature. */
    public static boolean hasSignatureLayers(byte[] body) {
        try {
            for (JsonNode layer : JSON.readTree(body).path("layers")) {
                if (SimpleSigningPayload.MEDIA_TYPE.equals(
                        layer.path("mediaType").asText(null))) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] signature(JsonNode layer, String layerName) {
        String encoded = layer.path("annotations").path(SIGNATURE_ANNOTATION).asText("");
        if (encoded.isEmpty()) {
            throw new NotASignatureException(layerName + " has no " + SIGNATURE_ANNOTATION + " annotation");
        }
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new NotASignatureException(layerName + " has a signature that is not base64");
        }
    }
}
