package dev.tagline.imports.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import dev.tagline.events.SignatureVerdict;
import dev.tagline.testkit.CosignSignatures;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Payloads and signatures built as cosign builds them (testkit's {@link CosignSignatures}), judged in memory. */
class SignatureVerifierTest {

    private static final String REGISTRY = "registry.example:5000";
    private static final String REPOSITORY = "team-a/app";
    private static final String DIGEST = "sha256:" + "a".repeat(64);
    private static final String OTHER_DIGEST = "sha256:" + "b".repeat(64);
    private static final KeyPair LISTED = CosignSignatures.ecdsaP256();
    private static final KeyPair UNLISTED = CosignSignatures.ecdsaP256();

    @Test
    void a_signature_by_a_listed_key_is_verified_by_that_key_only() {
        KeyPair ed25519 = CosignSignatures.ed25519();
        SignatureCheckOutcome outcome = judge(
                List.of(trusted(LISTED), trusted(ed25519)),
                found(CosignSignatures.signed(ed25519, REGISTRY + "/" + REPOSITORY, DIGEST)));

        assertThat(outcome.verdict()).isEqualTo(SignatureVerdict.Verified);
        assertThat(outcome.verifiedBy()).containsExactly(CosignSignatures.fingerprint(ed25519.getPublic()));
    }

    @Test
    void rsa_signatures_verify_as_cosign_makes_them() {
        KeyPair rsa = CosignSignatures.rsa();
        assertThat(judge(
                                List.of(trusted(rsa)),
                                found(CosignSignatures.signed(rsa, REGISTRY + "/" + REPOSITORY, DIGEST)))
                        .verdict())
                .isEqualTo(SignatureVerdict.Verified);
    }

    @Test
    void one_verifying_signature_wins_over_every_other_finding() {
        SignatureSearch search = new SignatureSearch(
                List.of(
                        found(CosignSignatures.signed(UNLISTED, REGISTRY + "/" + REPOSITORY, DIGEST)),
                        found(CosignSignatures.signed(LISTED, REGISTRY + "/" + REPOSITORY, OTHER_DIGEST)),
                        found(CosignSignatures.signed(LISTED, REGISTRY + "/" + REPOSITORY, DIGEST))),
                List.of("GET referrers answered 500"));

        assertThat(SignatureVerifier.judge(REGISTRY, REPOSITORY, DIGEST, List.of(trusted(LISTED)), search)
                        .verdict())
                .isEqualTo(SignatureVerdict.Verified);
    }

    @Test
    void without_a_verifying_signature_a_registry_error_comes_first_then_untrusted_keys_then_mismatches() {
        FoundSignature untrusted = found(CosignSignatures.signed(UNLISTED, REGISTRY + "/" + REPOSITORY, DIGEST));
        FoundSignature mismatched = found(CosignSignatures.signed(LISTED, REGISTRY + "/" + REPOSITORY, OTHER_DIGEST));
        List<TrustedKey> keys = List.of(trusted(LISTED));

        assertThat(judge(keys, new SignatureSearch(List.of(untrusted, mismatched), List.of("unreachable")))
                        .verdict())
                .isEqualTo(SignatureVerdict.RegistryError);
        assertThat(judge(keys, untrusted, mismatched).verdict()).isEqualTo(SignatureVerdict.UntrustedKey);
        assertThat(judge(keys, mismatched).verdict()).isEqualTo(SignatureVerdict.DigestMismatch);
        assertThat(judge(keys).verdict()).isEqualTo(SignatureVerdict.Unsigned);
    }

    @Test
    void a_payload_for_another_repository_is_a_mismatch_even_when_the_key_is_listed() {
        assertThat(judge(
                                List.of(trusted(LISTED)),
                                found(CosignSignatures.signed(LISTED, REGISTRY + "/team-b/app", DIGEST)))
                        .verdict())
                .isEqualTo(SignatureVerdict.DigestMismatch);
        assertThat(judge(
                                List.of(trusted(LISTED)),
                                found(CosignSignatures.signed(LISTED, "other.example:5000/" + REPOSITORY, DIGEST)))
                        .verdict())
                .isEqualTo(SignatureVerdict.DigestMismatch);
    }

    @Test
    void a_payload_changed_after_signing_verifies_with_no_key() {
        FoundSignature tampered =
                found(CosignSignatures.tampered(CosignSignatures.signed(LISTED, REGISTRY + "/" + REPOSITORY, DIGEST)));

        assertThat(judge(List.of(trusted(LISTED)), tampered).verdict()).isEqualTo(SignatureVerdict.UntrustedKey);
    }

    @Test
    void docker_hub_signatures_may_name_the_repository_under_either_name_of_docker_hub() {
        for (String reference : List.of("docker.io/library/nginx", "index.docker.io/library/nginx")) {
            SignatureCheckOutcome outcome = SignatureVerifier.judge(
                    "docker.io",
                    "library/nginx",
                    DIGEST,
                    List.of(trusted(LISTED)),
                    search(found(CosignSignatures.signed(LISTED, reference, DIGEST))));
            assertThat(outcome.verdict()).as(reference).isEqualTo(SignatureVerdict.Verified);
        }
    }

    @Test
    void a_payload_that_is_not_a_cosign_image_signature_is_a_registry_error_naming_where_it_was() {
        FoundSignature notCosign = new FoundSignature(
                "{\"critical\":{\"type\":\"atomic container signature\"}}".getBytes(StandardCharsets.UTF_8),
                new byte[] {1},
                "sha256-x.sig layer 0");

        SignatureCheckOutcome outcome = judge(List.of(trusted(LISTED)), notCosign);
        assertThat(outcome.verdict()).isEqualTo(SignatureVerdict.RegistryError);
        assertThat(outcome.message()).contains("sha256-x.sig layer 0");
    }

    @Test
    void a_signature_that_is_not_even_der_verifies_with_no_key() {
        FoundSignature garbage = new FoundSignature(
                CosignSignatures.payload(REGISTRY + "/" + REPOSITORY, DIGEST),
                new byte[] {0x30, 0x02, 0x01},
                "sha256-x.sig layer 0");

        assertThat(judge(List.of(trusted(LISTED)), garbage).verdict()).isEqualTo(SignatureVerdict.UntrustedKey);
    }

    private static SignatureCheckOutcome judge(List<TrustedKey> keys, FoundSignature... found) {
        return judge(keys, search(found));
    }

    private static SignatureCheckOutcome judge(List<TrustedKey> keys, SignatureSearch search) {
        return SignatureVerifier.judge(REGISTRY, REPOSITORY, DIGEST, keys, search);
    }

    private static SignatureSearch search(FoundSignature... found) {
        return new SignatureSearch(List.of(found), List.of());
    }

    private static FoundSignature found(CosignSignatures.Signature signature) {
        return new FoundSignature(signature.payload(), signature.signature(), "sha256-x.sig layer 0");
    }

    private static TrustedKey trusted(KeyPair keys) {
        return new TrustedKey(
                CosignSignatures.fingerprint(keys.getPublic()), CosignSignatures.publicKeyPem(keys.getPublic()));
    }
}
