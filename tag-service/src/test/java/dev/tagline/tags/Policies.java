package dev.tagline.tags;

import static dev.tagline.tags.Api.given;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.RegistrySignatureChecked;
import dev.tagline.events.SignatureCheckRequested;
import dev.tagline.events.SignatureVerdict;
import dev.tagline.events.Topics;
import dev.tagline.testkit.KafkaTestClients;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Image policies over REST, and the signature checks between the tag-service and the import-service on Kafka. */
final class Policies {

    /** A P-256 key as {@code cosign generate-key-pair} writes it, and its fingerprint (from image-events' samples). */
    static final String KEY = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAECaVDbN2XPo/hSXqsuZtX19ctR7Yf
            7OTo9EQ9xweVXQK2gOlGjFA38enrqYVWXV8hKyR8BVfkELEURi37Acvuaw==
            -----END PUBLIC KEY-----
            """;

    static final String FINGERPRINT = "sha256:4ef1c0e0e0376c54b79c9264c556e506620ef86d59c9390b3c251db6d7c5e179";

    private Policies() {}

    static ValidatableResponse put(String namespace, String name, List<String> streams, List<String> keys) {
        return given().contentType(ContentType.JSON)
                .body(body(streams, keys))
                .put("/api/v1/namespaces/{ns}/imagepolicies/{name}", namespace, name)
                .then();
    }

    static String body(List<String> streams, List<String> keys) {
        return EventJson.write(Map.of("streams", streams, "publicKeys", keys));
    }

    /** A fresh P-256 public key in PEM. */
    static String newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder()
                            .encodeToString(
                                    generator.generateKeyPair().getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes a verdict on {@code registry-tag-events}, as the import-service does. */
    static void verdict(
            String eventId,
            String repository,
            String digest,
            SignatureVerdict verdict,
            List<String> verifiedBy,
            List<String> checkedKeys,
            String message) {
        RegistrySignatureChecked checked = new RegistrySignatureChecked(
                TestData.REGISTRY, repository, digest, verdict, verifiedBy, checkedKeys, message, Instant.now());
        KafkaTestClients.publish(EventType.REGISTRY_SIGNATURE_CHECKED, eventId, checked.key(), checked);
    }

    static void verified(String repository, String digest) {
        verdict(
                KafkaTestClients.newEventId(),
                repository,
                digest,
                SignatureVerdict.Verified,
                List.of(FINGERPRINT),
                List.of(FINGERPRINT),
                "1 signature verified");
    }

    /** The check requests on {@code import-requests} for the image: waits for {@code atLeast}, then a quiet second. */
    static List<SignatureCheckRequested> checkRequests(String repository, String digest, int atLeast) {
        String key = TestData.REGISTRY + "/" + repository + "@" + digest;
        return KafkaTestClients.read(
                        Topics.IMPORT_REQUESTS,
                        record -> key.equals(record.key())
                                && EventType.SIGNATURE_CHECK_REQUESTED
                                        .type()
                                        .equals(record.headers().get(CloudEventHeaders.TYPE)),
                        atLeast,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(20))
                .stream()
                .map(record -> EventJson.read(record.value(), SignatureCheckRequested.class))
                .collect(Collectors.toList());
    }
}
