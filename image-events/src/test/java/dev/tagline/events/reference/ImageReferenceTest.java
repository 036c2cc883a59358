package dev.tagline.events.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Parses references as the distribution reference grammar does, and says exactly what is wrong with bad ones. */
class ImageReferenceTest {

    private static final String HEX = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String SHA = "sha256:" + HEX;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "nginx,                          docker.io,       library/nginx,   latest,",
        "nginx:1.25,                     docker.io,       library/nginx,   1.25,",
        "library/nginx,                  docker.io,       library/nginx,   latest,",
        "docker.io/nginx,                docker.io,       library/nginx,   latest,",
        "index.docker.io/library/nginx,  docker.io,       library/nginx,   latest,",
        "user/app:V1.0_rc-2,             docker.io,       user/app,        V1.0_rc-2,",
        "quay.io/org/app:v1,             quay.io,         org/app,         v1,",
        "Quay.IO/org/app,                quay.io,         org/app,         latest,",
        "127.0.0.1:5000/team-a/app:v1,   127.0.0.1:5000,  team-a/app,      v1,",
        "localhost/app,                  localhost,       app,             latest,",
        "localhost:5000/a/b/c:tag,       localhost:5000,  a/b/c,           tag,",
        "localhost:5000,                 docker.io,       library/localhost, 5000,",
        "[::1]:5000/app:v1,              [::1]:5000,      app,             v1,",
        "[2001:DB8::1]/app,              [2001:db8::1],   app,             latest,",
        "ghcr.io/o/a@" + SHA + ",        ghcr.io,         o/a,             ,          " + SHA,
        "reg.example.com/a/b:v1@" + SHA + ", reg.example.com, a/b,         v1,        " + SHA,
        "a__b/c-d---e.f,                 docker.io,       a__b/c-d---e.f,  latest,",
        "docker.io/library/nginx:_x,     docker.io,       library/nginx,   _x,",
    })
    void a_valid_reference_is_parsed_and_normalised(
            String text, String registry, String repository, String tag, String digest) {
        ImageReference reference = ImageReference.parse(text);

        assertThat(reference.registry()).isEqualTo(registry);
        assertThat(reference.repository()).isEqualTo(repository);
        assertThat(reference.tag()).isEqualTo(tag);
        assertThat(reference.digest()).isEqualTo(digest == null ? null : Digest.parse(digest));
        assertThat(ImageReference.parse(reference.canonical())).isEqualTo(reference);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void an_invalid_reference_is_rejected_with_what_is_wrong(String text, String message) {
        assertThatThrownBy(() -> ImageReference.parse(text))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> an_invalid_reference_is_rejected_with_what_is_wrong() {
        return Stream.of(
                Arguments.of(null, "reference is empty"),
                Arguments.of("", "reference is empty"),
                Arguments.of(" ", "whitespace at position 0"),
                Arguments.of("nginx :1", "whitespace at position 5"),
                Arguments.of("\tnginx", "control character U+0009 at position 0"),
                Arguments.of("app\u0000", "control character U+0000 at position 3"),
                Arguments.of("app\u0000:v1\n", "control character U+0000 at position 3"),
                Arguments.of("nginx:lätest", "non-ASCII character at position 7 (U+00E4)"),
                Arguments.of("rëgistry.io/app", "non-ASCII character at position 1 (U+00EB)"),
                Arguments.of("\u212Auay.io/app", "non-ASCII character at position 0 (U+212A)"),
                Arguments.of("http://registry/app", "reference 'http://registry/app' has a URL scheme"),
                Arguments.of("..", "'..' is not a valid path component"),
                Arguments.of("a/../b", "'..' is not a valid path component"),
                Arguments.of("quay.io/./b", "'.' is not a valid path component"),
                Arguments.of("Foo/bar", "repository path component 'Foo' must be lowercase"),
                Arguments.of("quay.io/org/App:v1", "repository path component 'App' must be lowercase"),
                Arguments.of("quay.io/" + "a".repeat(292), "name is 300 characters; at most 255"),
                Arguments.of("nginx@sha256:abc", "digest sha256:abc has 3 hex characters; sha256 needs 64"),
                Arguments.of("nginx@sha256:" + HEX.toUpperCase(), "must be lowercase hex; found 'A' at position 17"),
                Arguments.of("nginx@", "digest is empty"),
                Arguments.of("nginx@" + HEX, "has no algorithm"),
                Arguments.of(":tag", "reference ':tag' has no repository name"),
                Arguments.of("@" + SHA, "has no repository name"),
                Arguments.of("a//b", "repository path 'a//b' has an empty component"),
                Arguments.of("quay.io/a/b/", "repository path 'a/b/' ends with '/'"),
                Arguments.of("nginx:", "tag is empty"),
                Arguments.of("nginx:" + "t".repeat(129), "is longer than 128 characters (129)"),
                Arguments.of("-app", "repository path component '-app' must start with a lowercase letter or digit"),
                Arguments.of("app-", "repository path component 'app-' must end with a lowercase letter or digit"),
                Arguments.of("a..b", "repository path component 'a..b' joins letters and digits with '..'"),
                Arguments.of("a___b", "joins letters and digits with '___'"),
                Arguments.of("app!/x", "repository path component 'app!' contains '!' at position 3"),
                Arguments.of("app:-tag", "tag '-tag' must start with a letter, digit or '_'"),
                Arguments.of("app:.tag", "tag '.tag' must start with a letter, digit or '_'"),
                Arguments.of("quay.io:99999/app", "registry 'quay.io:99999' has the port 99999; a port is 1 to 65535"),
                Arguments.of("quay.io:/app", "registry 'quay.io:' has an empty port"),
                Arguments.of("quay.io:http/app", "has the port 'http', which is not a number"),
                Arguments.of("quay..io/app", "registry 'quay..io' has an empty label between dots"),
                Arguments.of("-quay.io/app", "has the label '-quay', which must start and end with a letter or digit"),
                Arguments.of("quay_io.com/app", "registry 'quay_io.com' contains '_'"),
                Arguments.of("256.1.1.1:5000/app", "is an IPv4 address with the octet '256' above 255"),
                Arguments.of("::1/app", "registry '::1' has more than one ':'; an IPv6 address must be in brackets"),
                Arguments.of("[::1/app", "registry '[::1' has '[' without a closing ']'"),
                Arguments.of("[1:2:3]:5000/app", "registry '[1:2:3]:5000' is not a valid IPv6 address"),
                Arguments.of("[1::2::3]/app", "is not a valid IPv6 address"),
                Arguments.of("[::1]x/app", "has 'x' after the IPv6 address"),
                Arguments.of(HEX, "is 64 hex characters, an image ID rather than a name"));
    }

    @Test
    void a_reference_with_tag_and_digest_keeps_both() {
        ImageReference reference = ImageReference.parse("reg.example.com/a/b:v1@" + SHA);

        assertThat(reference.canonical()).isEqualTo("reg.example.com/a/b:v1@" + SHA);
        assertThat(reference).hasToString(reference.canonical());
        assertThat(reference.name()).isEqualTo("reg.example.com/a/b");
        assertThat(reference.tagKey()).isEqualTo("reg.example.com/a/b:v1");
    }

    @Test
    void the_canonical_form_spells_out_the_docker_hub_defaults() {
        assertThat(ImageReference.parse("nginx").canonical()).isEqualTo("docker.io/library/nginx:latest");
    }

    @Test
    void a_reference_by_digest_alone_has_no_tag_key() {
        ImageReference reference = ImageReference.parse("ghcr.io/o/a@" + SHA);

        assertThat(reference.canonical()).isEqualTo("ghcr.io/o/a@" + SHA);
        assertThatThrownBy(reference::tagKey)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ghcr.io/o/a@" + SHA + " has no tag");
    }

    @Test
    void pinning_a_digest_keeps_the_tag() {
        ImageReference pinned = ImageReference.parse("quay.io/org/app:v1").withDigest(Digest.parse(SHA));

        assertThat(pinned.canonical()).isEqualTo("quay.io/org/app:v1@" + SHA);
        assertThat(pinned.tagKey()).isEqualTo("quay.io/org/app:v1");
    }

    @Test
    void the_constructor_normalises_like_parse() {
        assertThat(new ImageReference("Index.Docker.IO", "nginx", null, null)).isEqualTo(ImageReference.parse("nginx"));
    }

    @Test
    void the_constructor_rejects_what_parse_rejects() {
        assertThatThrownBy(() -> new ImageReference("quay.io", "Org/app", "v1", null))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessage("repository path component 'Org' must be lowercase");
        assertThatThrownBy(() -> new ImageReference("quay.io", "org/app", "lätest", null))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessageContaining("contains U+00E4 at position 1");
        assertThatThrownBy(() -> new ImageReference(null, "org/app", "v1", null))
                .isInstanceOf(InvalidReferenceException.class)
                .hasMessage("registry is empty");
    }

    @Test
    void a_long_hostile_value_is_abbreviated_in_the_message() {
        assertThatThrownBy(() -> ImageReference.parse("nginx:" + "t".repeat(10_000)))
                .hasMessage("tag '" + "t".repeat(40) + "…' is longer than 128 characters (10000)");
    }
}
