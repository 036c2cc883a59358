package dev.tagline.events.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Digests as the OCI image spec defines them: exact lowercase hex for sha256 and sha512. */
class DigestTest {

    private static final String HEX64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String HEX128 = HEX64 + HEX64;

    @Test
    void a_sha256_digest_splits_into_algorithm_and_hex() {
        Digest digest = Digest.parse("sha256:" + HEX64);

        assertThat(digest.algorithm()).isEqualTo("sha256");
        assertThat(digest.hex()).isEqualTo(HEX64);
        assertThat(digest).hasToString("sha256:" + HEX64);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sha512:" + HEX128,
                "sha384:" + HEX64 + "0123456789abcdef0123456789abcdef",
                "multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TUBDTnpW4h9Td8bWUGrkq",
                "blake3:" + HEX64,
                "x.y_z-1:ABCDEFGHIJKLMNOPQRSTUVWXYZ012345="
            })
    void a_registered_looking_digest_round_trips(String text) {
        assertThat(Digest.parse(text)).hasToString(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void an_invalid_digest_is_rejected_with_what_is_wrong(String text, String message) {
        assertThatThrownBy(() -> Digest.parse(text))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> an_invalid_digest_is_rejected_with_what_is_wrong() {
        return Stream.of(
                Arguments.of(null, "digest is empty"),
                Arguments.of("", "digest is empty"),
                Arguments.of(
                        HEX64,
                        "digest '" + HEX64.substring(0, 40)
                                + "…' has no algorithm; expected algorithm:encoded, e.g. sha256:<64 hex characters>"),
                Arguments.of(":" + HEX64, "digest has an empty algorithm"),
                Arguments.of(
                        "SHA256:" + HEX64,
                        "digest algorithm 'SHA256' must be lowercase letters and digits, "
                                + "optionally joined by '+', '.', '_' or '-'"),
                Arguments.of(
                        "sha256+:" + HEX64,
                        "digest algorithm 'sha256+' must be lowercase letters and digits, "
                                + "optionally joined by '+', '.', '_' or '-'"),
                Arguments.of("sha256:", "digest sha256: has 0 hex characters; sha256 needs 64"),
                Arguments.of(
                        "sha256:" + HEX64 + "0",
                        "digest sha256:" + HEX64.substring(0, 33) + "… has 65 hex characters; sha256 needs 64"),
                Arguments.of(
                        "sha512:" + HEX64,
                        "digest sha512:" + HEX64.substring(0, 33) + "… has 64 hex characters; sha512 needs 128"),
                Arguments.of("sha256:xyz", "digest sha256:xyz must be lowercase hex; found 'x' at position 7"),
                Arguments.of(
                        "sha256:" + "A" + HEX64.substring(1),
                        "digest sha256:A" + HEX64.substring(1, 33)
                                + "… must be lowercase hex; found 'A' at position 7"),
                Arguments.of(
                        "sha256:abc\u0000",
                        "digest sha256:abcU+0000 must be lowercase hex; found U+0000 at position 10"),
                Arguments.of("blake3:abc", "digest blake3:abc has 3 encoded characters; at least 32 are needed"),
                Arguments.of(
                        "blake3:" + HEX64.substring(0, 31) + "!",
                        "digest blake3:" + HEX64.substring(0, 31)
                                + "! may only use letters, digits, '=', '_' and '-' after the algorithm"),
                Arguments.of("blake3:" + "a".repeat(8000), "digest blake3: has 8000 encoded characters; at most 1024"),
                Arguments.of("a".repeat(40) + ":" + HEX64, "digest algorithm is 40 characters; at most 32"));
    }

    @Test
    void a_short_sha256_is_rejected_with_its_length() {
        assertThatThrownBy(() -> new Digest("sha256", "abc"))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessage("digest sha256:abc has 3 hex characters; sha256 needs 64");
    }
}
