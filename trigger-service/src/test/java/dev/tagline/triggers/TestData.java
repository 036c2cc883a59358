package dev.tagline.triggers;

import dev.tagline.events.ImagePointer;
import dev.tagline.events.ImageStreamTagUpdated;
import dev.tagline.events.StreamImage;
import dev.tagline.events.TagChangeCause;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Unique names and realistic payloads, so that tests never see each other's data. */
final class TestData {

    static final String REGISTRY = "127.0.0.1:5000";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestData() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A digest no other test uses. */
    static String digest() {
        String hex = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        return "sha256:" + hex.substring(0, 64);
    }

    /** A Standard Webhooks secret: whsec_ and the base64 of 32 random bytes. */
    static String secret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** What the tag-service publishes when {@code namespace/stream:tag} moves to the digest. */
    static ImageStreamTagUpdated tagUpdated(
            String namespace, String stream, String tag, String digest, long generation) {
        return new ImageStreamTagUpdated(
                namespace,
                stream,
                tag,
                generation,
                new StreamImage(digest, reference(namespace, stream, digest), OCI_MANIFEST),
                new ImagePointer(digest(), REGISTRY + "/" + namespace + "/" + stream + "@" + digest()),
                TagChangeCause.PUSH,
                Instant.now());
    }

    static String reference(String namespace, String stream, String digest) {
        return REGISTRY + "/" + namespace + "/" + stream + "@" + digest;
    }
}
