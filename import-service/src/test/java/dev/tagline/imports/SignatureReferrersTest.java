package dev.tagline.imports;

import static dev.tagline.imports.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tagline.events.EventType;
import dev.tagline.events.RegistrySignatureChecked;
import dev.tagline.events.SignatureCheckRequested;
import dev.tagline.events.SignatureVerdict;
import dev.tagline.events.StreamTagRef;
import dev.tagline.testkit.CosignSignatures;
import dev.tagline.testkit.KafkaTestClients;
import io.quarkus.test.junit.QuarkusTest;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signatures found through the OCI 1.1 referrers API of a registry played by {@link ReferrersRegistry}. */
@QuarkusTest
class SignatureReferrersTest {

    private final ImportsDatabase database = ImportsDatabase.ofApp();

    @Test
    void a_signature_found_only_as_a_referrer_with_its_payload_behind_a_redirect_is_verified() {
        KeyPair signer = CosignSignatures.ecdsaP256();
        try (ReferrersRegistry registry = ReferrersRegistry.start()) {
            String repository = unique("team-a") + "/app";
            String digest = CosignSignatures.sha256(UUID.randomUUID().toString().getBytes());
            registry.refer(
                    repository,
                    digest,
                    List.of(CosignSignatures.signed(signer, registry.host() + "/" + repository, digest)));
            // The played registry speaks plain HTTP: a stream tag following the repository insecurely allows that.
            String source = registry.host() + "/" + repository + ":v1";
            SpecTags.followScheduled(new StreamTagRef(unique("team"), "app", "v1"), source);
            await().atMost(Duration.ofSeconds(20)).until(() -> database.followersOf(source) == 1);

            SignatureCheckRequested request = new SignatureCheckRequested(
                    registry.host(),
                    repository,
                    digest,
                    List.of(new SignatureCheckRequested.TrustedKey(
                            CosignSignatures.fingerprint(signer.getPublic()),
                            CosignSignatures.publicKeyPem(signer.getPublic()))),
                    Instant.now());
            KafkaTestClients.publish(
                    EventType.SIGNATURE_CHECK_REQUESTED, KafkaTestClients.newEventId(), request.key(), request);

            List<RegistrySignatureChecked> verdicts = RegistryEvents.signatureChecked(request.key(), 1);
            assertThat(verdicts)
                    .extracting(RegistrySignatureChecked::verdict)
                    .containsExactly(SignatureVerdict.Verified);
            assertThat(verdicts.get(0).message()).contains("referrer");
        }
    }
}
