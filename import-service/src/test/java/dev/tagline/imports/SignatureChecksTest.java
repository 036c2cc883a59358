package dev.tagline.imports;

import static dev.tagline.imports.TestData.unique;
import static dev.tagline.testkit.FreePorts.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tagline.events.EventType;
import dev.tagline.events.RegistrySignatureChecked;
import dev.tagline.events.SignatureCheckRequested;
import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import dev.tagline.events.SignatureVerdict;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.Topics;
import dev.tagline.testkit.CosignSignatures;
import dev.tagline.testkit.DistributionRegistry;
import dev.tagline.testkit.KafkaTestClients;
import dev.tagline.testkit.OciImages;
import dev.tagline.testkit.Skopeo;
import io.quarkus.test.junit.QuarkusTest;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code signature.check-requested} events on the real broker are answered from the real Distribution registry, where
 * the testkit pushed signatures in cosign's layout; the verdicts are read from {@code registry-tag-events} as the
 * tag-service reads them.
 */
@QuarkusTest
class SignatureChecksTest {

    private static final KeyPair SIGNER = CosignSignatures.ecdsaP256();
    private static DistributionRegistry registry;
    private final ImportsDatabase database = ImportsDatabase.ofApp();

    @BeforeAll
    static void startRegistry() {
        registry = DistributionRegistry.start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void an_image_signed_by_a_listed_key_is_verified_with_that_keys_fingerprint() {
        Image image = pushedImage();
        KeyPair other = CosignSignatures.ed25519();
        image.sign(CosignSignatures.signed(SIGNER, image.name(), image.digest()));

        RegistrySignatureChecked verdict = onlyVerdict(image.request(SIGNER, other));

        assertThat(verdict.verdict()).isEqualTo(SignatureVerdict.Verified);
        assertThat(verdict.verifiedBy()).containsExactly(fingerprint(SIGNER));
        assertThat(verdict.checkedKeys()).containsExactly(fingerprint(SIGNER), fingerprint(other));
    }

    @Test
    void an_image_without_a_signature_is_unsigned() {
        Image image = pushedImage();

        assertThat(onlyVerdict(image.request(SIGNER)).verdict()).isEqualTo(SignatureVerdict.Unsigned);
    }

    @Test
    void an_image_signed_only_by_another_key_has_an_untrusted_key() {
        Image image = pushedImage();
        image.sign(CosignSignatures.signed(CosignSignatures.ecdsaP256(), image.name(), image.digest()));

        assertThat(onlyVerdict(image.request(SIGNER)).verdict()).isEqualTo(SignatureVerdict.UntrustedKey);
    }

    @Test
    void a_signature_naming_another_digest_or_another_repository_is_a_digest_mismatch() {
        Image forAnotherDigest = pushedImage();
        forAnotherDigest.sign(CosignSignatures.signed(
                SIGNER, forAnotherDigest.name(), pushedImage().digest()));
        Image forAnotherRepository = pushedImage();
        forAnotherRepository.sign(CosignSignatures.signed(
                SIGNER, registry.host() + "/" + unique("team-b") + "/app", forAnotherRepository.digest()));

        assertThat(onlyVerdict(forAnotherDigest.request(SIGNER)).verdict()).isEqualTo(SignatureVerdict.DigestMismatch);
        assertThat(onlyVerdict(forAnotherRepository.request(SIGNER)).verdict())
                .isEqualTo(SignatureVerdict.DigestMismatch);
    }

    @Test
    void a_payload_changed_after_signing_is_not_verified() {
        Image image = pushedImage();
        image.sign(CosignSignatures.tampered(CosignSignatures.signed(SIGNER, image.name(), image.digest())));

        RegistrySignatureChecked verdict = onlyVerdict(image.request(SIGNER));
        assertThat(verdict.verdict()).isNotEqualTo(SignatureVerdict.Verified);
        assertThat(verdict.verifiedBy()).isEmpty();
    }

    @Test
    void a_registry_not_allowed_or_unreachable_is_a_registry_error() {
        String digest = pushedImage().digest();
        // The tests allow 127.0.0.1 only; another loopback address is internal and not listed.
        SignatureCheckRequested notAllowed = new SignatureCheckRequested(
                "127.0.0.2:" + registry.host().split(":")[1],
                unique("team-a") + "/app",
                digest,
                List.of(trusted(SIGNER)),
                Instant.now());
        SignatureCheckRequested unreachable = new SignatureCheckRequested(
                "127.0.0.1:" + freePort(), unique("team-a") + "/app", digest, List.of(trusted(SIGNER)), Instant.now());

        RegistrySignatureChecked refused = onlyVerdict(notAllowed);
        assertThat(refused.verdict()).isEqualTo(SignatureVerdict.RegistryError);
        assertThat(refused.message()).contains("127.0.0.2");
        assertThat(onlyVerdict(unreachable).verdict()).isEqualTo(SignatureVerdict.RegistryError);
    }

    @Test
    void a_signature_pushed_after_the_first_check_is_verified_by_a_recheck() {
        Image image = pushedImage();
        SignatureCheckRequested request = image.request(SIGNER);
        KafkaTestClients.publish(
                EventType.SIGNATURE_CHECK_REQUESTED, KafkaTestClients.newEventId(), request.key(), request);
        assertThat(RegistryEvents.signatureChecked(request.key(), 1))
                .extracting(RegistrySignatureChecked::verdict)
                .containsExactly(SignatureVerdict.Unsigned);

        image.sign(CosignSignatures.signed(SIGNER, image.name(), image.digest()));

        assertThat(RegistryEvents.signatureChecked(request.key(), 2))
                .extracting(RegistrySignatureChecked::verdict)
                .containsExactly(SignatureVerdict.Unsigned, SignatureVerdict.Verified);
    }

    @Test
    void a_redelivered_request_publishes_nothing_new() {
        Image image = pushedImage();
        image.sign(CosignSignatures.signed(SIGNER, image.name(), image.digest()));
        SignatureCheckRequested request = image.request(SIGNER);
        String requestId = KafkaTestClients.newEventId();

        KafkaTestClients.publish(EventType.SIGNATURE_CHECK_REQUESTED, requestId, request.key(), request);
        KafkaTestClients.publish(EventType.SIGNATURE_CHECK_REQUESTED, requestId, request.key(), request);

        assertThat(RegistryEvents.signatureChecked(request.key(), 1)).hasSize(1);
        assertThat(database.outboxRowsOf(request.key())).isEqualTo(1);
    }

    @Test
    void every_new_request_is_answered_even_with_the_verdict_published_before() {
        Image image = pushedImage();
        SignatureCheckRequested request = image.request(SIGNER);

        KafkaTestClients.publish(
                EventType.SIGNATURE_CHECK_REQUESTED, KafkaTestClients.newEventId(), request.key(), request);
        KafkaTestClients.publish(
                EventType.SIGNATURE_CHECK_REQUESTED, KafkaTestClients.newEventId(), request.key(), request);

        assertThat(RegistryEvents.signatureChecked(request.key(), 2))
                .extracting(RegistrySignatureChecked::verdict)
                .containsExactly(SignatureVerdict.Unsigned, SignatureVerdict.Unsigned);
    }

    @Test
    void a_malformed_request_is_dead_lettered_alone_and_the_next_is_still_answered() {
        Image image = pushedImage();
        SignatureCheckRequested good = image.request(SIGNER);
        SignatureCheckRequested wrongFingerprint = new SignatureCheckRequested(
                good.registry(),
                good.repository(),
                good.digest(),
                List.of(new TrustedKey(
                        fingerprint(CosignSignatures.ecdsaP256()), CosignSignatures.publicKeyPem(SIGNER.getPublic()))),
                Instant.now());

        KafkaTestClients.publish(
                EventType.SIGNATURE_CHECK_REQUESTED, KafkaTestClients.newEventId(), good.key(), wrongFingerprint);
        KafkaTestClients.publish(EventType.SIGNATURE_CHECK_REQUESTED, KafkaTestClients.newEventId(), good.key(), good);

        assertThat(RegistryEvents.signatureChecked(good.key(), 1))
                .extracting(RegistrySignatureChecked::verdict)
                .containsExactly(SignatureVerdict.Unsigned);
        List<KafkaTestClients.Consumed> deadLetters = KafkaTestClients.read(
                Topics.deadLetter(Topics.IMPORT_REQUESTS),
                record -> good.key().equals(record.key()),
                1,
                Duration.ofSeconds(1),
                Duration.ofSeconds(20));
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).headers().get("dead-letter-reason")).contains("keys[0].fingerprint");
    }

    /** Publishes the request and reads its one verdict (a second would be seen too). */
    private static RegistrySignatureChecked onlyVerdict(SignatureCheckRequested request) {
        KafkaTestClients.publish(
                EventType.SIGNATURE_CHECK_REQUESTED, KafkaTestClients.newEventId(), request.key(), request);
        List<RegistrySignatureChecked> verdicts = RegistryEvents.signatureChecked(request.key(), 1);
        assertThat(verdicts).hasSize(1);
        return verdicts.get(0);
    }

    /**
     * A new image in a repository of its own, which a stream tag follows insecurely: the test registry speaks plain
     * HTTP, and a signature check names no tag, so that is what allows it for the repository.
     */
    private Image pushedImage() {
        String repository = unique("team-a") + "/app";
        String source = registry.host() + "/" + repository + ":v1";
        OciImages.LayoutImage image = TestData.image();
        Skopeo.push(image, source);
        SpecTags.followScheduled(new StreamTagRef(unique("team"), "app", "v1"), source);
        await().atMost(Duration.ofSeconds(20)).until(() -> database.followersOf(source) == 1);
        return new Image(repository, image.digest());
    }

    private record Image(String repository, String digest) {

        /** {@code registry/repository}, as cosign names it in the payload. */
        String name() {
            return registry.host() + "/" + repository;
        }

        void sign(CosignSignatures.Signature signature) {
            CosignSignatures.push(registry, repository, digest, List.of(signature));
        }

        SignatureCheckRequested request(KeyPair... keys) {
            return new SignatureCheckRequested(
                    registry.host(),
                    repository,
                    digest,
                    List.of(keys).stream().map(SignatureChecksTest::trusted).toList(),
                    Instant.now());
        }
    }

    private static TrustedKey trusted(KeyPair keys) {
        return new TrustedKey(fingerprint(keys), CosignSignatures.publicKeyPem(keys.getPublic()));
    }

    private static String fingerprint(KeyPair keys) {
        return CosignSignatures.fingerprint(keys.getPublic());
    }
}
