package dev.tagline.events.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicKeysTest {

    private static final String P256 = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAECaVDbN2XPo/hSXqsuZtX19ctR7Yf
            7OTo9EQ9xweVXQK2gOlGjFA38enrqYVWXV8hKyR8BVfkELEURi37Acvuaw==
            -----END PUBLIC KEY-----
            """;
    /** {@code openssl pkey -pubin -in key.pem -outform DER | sha256sum} of {@link #P256}. */
    private static final String P256_FINGERPRINT =
            "sha256:4ef1c0e0e0376c54b79c9264c556e506620ef86d59c9390b3c251db6d7c5e179";

    private static final String ED25519 = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEA9no6G2zEAHLaYMUWSLQb9F11boBZ8nnGbXwk4wKhtCU=
            -----END PUBLIC KEY-----
            """;
    private static final String P384 = """
            -----BEGIN PUBLIC KEY-----
            MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEIMzb1q4FxAMhXeWUY/Zu7yd45AzfEZk1
            Ux7+BNhtFt3zzbIgFTTCMoLvkz0DaPubTcCpg/83OV+IWV2Z9Mp+1dUoHHPLDLlK
            y9QB9RSdNGr4ZSDiDTeMRrpU5qAUe9ia
            -----END PUBLIC KEY-----
            """;
    private static final String RSA_1024 = """
            -----BEGIN PUBLIC KEY-----
            MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCYsMwz51cbEQOmWpRPwfjk/+q8
            r4JZcarEpbVpvgHhgd08zzJ4YZg0+HxF2qyGw/GILOVXLWOirPkk2v0BWtvrGcAm
            NGlbL1s1NxFUXwOvCJTQ1vQUCDAlklMW7HaPGFBNCk/26HVKoyNJhjagJV43Wvgb
            n9TGwMiyZNsDK71ARwIDAQAB
            -----END PUBLIC KEY-----
            """;

    @Test
    void a_p256_key_parses_and_its_fingerprint_is_the_sha256_of_its_der_encoding() {
        PublicKey key = PublicKeys.parse(P256);

        assertThat(PublicKeys.fingerprint(key)).isEqualTo(P256_FINGERPRINT);
        assertThat(PublicKeys.signatureAlgorithm(key)).isEqualTo("SHA256withECDSA");
    }

    @Test
    void the_fingerprint_does_not_depend_on_how_the_pem_is_wrapped() {
        String oneLine = "-----BEGIN PUBLIC KEY-----"
                + P256.lines().filter(line -> !line.startsWith("-----")).reduce("", String::concat)
                + "-----END PUBLIC KEY-----";

        assertThat(PublicKeys.fingerprint(oneLine)).isEqualTo(P256_FINGERPRINT);
    }

    @Test
    void ed25519_and_rsa_keys_parse() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String rsaPem = pem(rsa.generateKeyPair().getPublic());

        assertThat(PublicKeys.signatureAlgorithm(PublicKeys.parse(ED25519))).isEqualTo("Ed25519");
        assertThat(PublicKeys.signatureAlgorithm(PublicKeys.parse(rsaPem))).isEqualTo("SHA256withRSA");
    }

    @Test
    void a_generated_p256_key_round_trips() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        PublicKey key = ec.generateKeyPair().getPublic();

        assertThat(PublicKeys.parse(pem(key))).isEqualTo(key);
    }

    @Test
    void other_curves_and_short_rsa_keys_are_refused_with_a_reason() {
        assertThatThrownBy(() -> PublicKeys.parse(P384))
                .isInstanceOf(InvalidPublicKeyException.class)
                .hasMessageContaining("P-256");
        assertThatThrownBy(() -> PublicKeys.parse(RSA_1024))
                .isInstanceOf(InvalidPublicKeyException.class)
                .hasMessageContaining("1024 bits");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "  ",
                "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE",
                "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----",
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
                "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----"
            })
    void text_that_is_not_one_public_key_is_refused_without_echoing_it(String text) {
        assertThatThrownBy(() -> PublicKeys.parse(text))
                .isInstanceOf(InvalidPublicKeyException.class)
                .satisfies(
                        e -> assertThat(e.getMessage()).doesNotContain("AAAA").doesNotContain("MFkw"));
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
