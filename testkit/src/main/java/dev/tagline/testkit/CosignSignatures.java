package dev.tagline.testkit;

import dev.tagline.events.reference.Digest;
import dev.tagline.events.signing.CosignSignatureTags;
import dev.tagline.events.signing.PublicKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Signs images as {@code cosign sign --key} does, without cosign: a simple-signing payload naming
 * {@code registry/repository} and the digest, signed with a JDK key pair (ECDSA P-256, Ed25519 or RSA), pushed to a
 * Distribution registry in cosign's layout (payload and config blobs, and an OCI manifest with one simple-signing
 * layer per signature under the {@code sha256-<hex>.sig} tag) through the registry's HTTP API. The bad signatures a
 * verifier must refuse are built from the same pieces: another digest or repository in the payload, a payload
 * changed after signing, a key nobody trusts.
 */
public final class CosignSignatures {

    private static final String SIMPLE_SIGNING = "application/vnd.dev.cosign.simplesigning.v1+json";
    private static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";
    private static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private CosignSignatures() {}

    /** A payload and the signature over it, as one layer of a signature manifest holds them. */
    public record Signature(byte[] payload, byte[] signature) {}

    /** The key type {@code cosign generate-key-pair} makes. */
    public static KeyPair ecdsaP256() {
        return generate("EC", new ECGenParameterSpec("secp256r1"));
    }

    public static KeyPair ed25519() {
        return generate("Ed25519", null);
    }

    public static KeyPair rsa() {
        return generate("RSA", null);
    }

    /** The public key as {@code cosign.pub} holds it, a PEM {@code PUBLIC KEY} block. */
    public static String publicKeyPem(PublicKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** The fingerprint Tagline gives the key. */
    public static String fingerprint(PublicKey key) {
        return PublicKeys.fingerprint(key);
    }

    /**
     * The simple-signing payload cosign writes for an image.
     *
     * @param dockerReference {@code registry/repository}, without tag or digest
     */
    public static byte[] payload(String dockerReference, String digest) {
        return ("{\"critical\":{\"identity\":{\"docker-reference\":\"" + dockerReference + "\"},"
                        + "\"image\":{\"docker-manifest-digest\":\"" + digest + "\"},"
                        + "\"type\":\"cosign container image signature\"},\"optional\":null}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A signature of {@code dockerReference} at {@code digest} by {@code keys}. */
    public static Signature signed(KeyPair keys, String dockerReference, String digest) {
        byte[] payload = payload(dockerReference, digest);
        try {
            java.security.Signature signer =
                    java.security.Signature.getInstance(PublicKeys.signatureAlgorithm(keys.getPublic()));
            signer.initSign(keys.getPrivate());
            signer.update(payload);
            return new Signature(payload, signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the JDK signs with " + keys.getPublic().getAlgorithm(), e);
        }
    }

    /**
     * The same signature over a payload changed after signing: an annotation added in {@code optional}, which still
     * names the same image, so only the signature can tell.
     */
    public static Signature tampered(Signature signature) {
        String payload = new String(signature.payload(), StandardCharsets.UTF_8);
        byte[] changed = payload.replace("\"optional\":null", "\"optional\":{\"approved\":\"yes\"}")
                .getBytes(StandardCharsets.UTF_8);
        if (Arrays.equals(changed, signature.payload())) {
            throw new IllegalArgumentException("the payload has no \"optional\":null to change");
        }
        return new Signature(changed, signature.signature());
    }

    /**
     * Pushes the signatures of {@code digest} in {@code repository} under its {@code sha256-<hex>.sig} tag, replacing
     * any there (cosign appends; a test says everything it wants there at once).
     */
    public static void push(
            DistributionRegistry registry, String repository, String digest, List<Signature> signatures) {
        pushBlob(registry, repository, config(signatures));
        signatures.forEach(signature -> pushBlob(registry, repository, signature.payload()));
        String tag = CosignSignatureTags.of(Digest.parse(digest));
        send(
                HttpRequest.newBuilder(URI.create(registry.baseUrl() + "/v2/" + repository + "/manifests/" + tag))
                        .header("Content-Type", OciImages.OCI_MANIFEST)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest(signatures))),
                201,
                "PUT manifest " + tag);
    }

    /**
     * The OCI manifest cosign stores signatures in: one simple-signing layer per signature, each with its signature
     * annotated, and a config listing the payloads.
     */
    public static byte[] manifest(List<Signature> signatures) {
        byte[] config = config(signatures);
        String layers = signatures.stream()
                .map(signature -> "{\"mediaType\":\"" + SIMPLE_SIGNING + "\",\"size\":"
                        + signature.payload().length + ",\"digest\":\"" + sha256(signature.payload()) + "\","
                        + "\"annotations\":{\"" + SIGNATURE_ANNOTATION + "\":\""
                        + Base64.getEncoder().encodeToString(signature.signature()) + "\"}}")
                .collect(Collectors.joining(","));
        return ("{\"schemaVersion\":2,\"mediaType\":\"" + OciImages.OCI_MANIFEST + "\","
                        + "\"config\":{\"mediaType\":\"" + OCI_CONFIG + "\",\"size\":" + config.length
                        + ",\"digest\":\""
                        + sha256(config) + "\"},\"layers\":[" + layers + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@code sha256:<hex>} of the bytes, as registries name blobs and manifests. */
    public static String sha256(byte[] bytes) {
        return OciImages.sha256(bytes);
    }

    private static byte[] config(List<Signature> signatures) {
        return ("{\"architecture\":\"\",\"os\":\"\",\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
                        + signatures.stream()
                                .map(s -> "\"" + sha256(s.payload()) + "\"")
                                .collect(Collectors.joining(","))
                        + "]}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A monolithic upload: POST opens it, PUT with the digest sends the bytes and closes it. */
    private static void pushBlob(DistributionRegistry registry, String repository, byte[] blob) {
        HttpResponse<String> opened = send(
                HttpRequest.newBuilder(URI.create(registry.baseUrl() + "/v2/" + repository + "/blobs/uploads/"))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                202,
                "POST blob upload");
        URI location = URI.create(registry.baseUrl() + "/")
                .resolve(opened.headers()
                        .firstValue("Location")
                        .orElseThrow(
                                () -> new IllegalStateException("the registry opened an upload without a Location")));
        String separator = location.getRawQuery() == null ? "?" : "&";
        send(
                HttpRequest.newBuilder(URI.create(location + separator + "digest=" + sha256(blob)))
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)),
                201,
                "PUT blob");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, int expected, String what) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what, e);
        }
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec parameters) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (parameters != null) {
                generator.initialize(parameters);
            } else if (algorithm.equals("RSA")) {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK generates " + algorithm + " keys", e);
        }
    }
}
