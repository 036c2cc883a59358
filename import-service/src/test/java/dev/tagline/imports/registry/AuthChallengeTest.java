package dev.tagline.imports.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reads {@code WWW-Authenticate} challenges as registries send them. */
class AuthChallengeTest {

    @Test
    void a_bearer_challenge_gives_realm_service_and_scope() {
        assertThat(AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                        + "scope=\"repository:library/nginx:pull\""))
                .contains(new AuthChallenge(
                        "bearer",
                        Map.of(
                                "realm",
                                "https://auth.docker.io/token",
                                "service",
                                "registry.docker.io",
                                "scope",
                                "repository:library/nginx:pull")));
    }

    @Test
    void a_basic_challenge_gives_its_realm() {
        assertThat(AuthChallenge.parse("Basic realm=\"tagline-test\""))
                .contains(new AuthChallenge("basic", Map.of("realm", "tagline-test")));
    }

    @Test
    void spaces_escapes_and_unquoted_values_are_read() {
        assertThat(AuthChallenge.parse("  BEARER  Realm = https://auth.example/token , scope=\"a \\\"b\\\"\""))
                .contains(
                        new AuthChallenge("bearer", Map.of("realm", "https://auth.example/token", "scope", "a \"b\"")));
    }

    @Test
    void only_the_first_challenge_is_taken() {
        assertThat(AuthChallenge.parse("Bearer realm=\"https://a/token\", Basic realm=\"b\"")
                        .map(AuthChallenge::scheme))
                .contains("bearer");
    }

    @Test
    void no_header_no_challenge() {
        assertThat(AuthChallenge.parse(null)).isEqualTo(Optional.empty());
        assertThat(AuthChallenge.parse("   ")).isEqualTo(Optional.empty());
    }
}
