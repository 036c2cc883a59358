package dev.tagline.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagline.gateway.config.GatewayConfig;
import dev.tagline.web.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A misconfigured source stops the gateway from starting, and says which source and why. */
class SourcesTest {

    /** One source's settings, as configuration would give them. */
    private record Settings(
            String format,
            Optional<Secret> token,
            Optional<Secret> hmacSecret,
            Optional<String> registry,
            Optional<URI> registryUrl,
            Optional<Secret> registryCredentials,
            boolean authRequired,
            Duration replayWindow)
            implements GatewayConfig.SourceConfig {

        static Settings of(String format, String token) {
            return new Settings(
                    format,
                    Optional.ofNullable(token).map(Secret::of),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    true,
                    Duration.ofMinutes(5));
        }

        Settings withRegistry(String host) {
            return new Settings(
                    format,
                    token,
                    hmacSecret,
                    Optional.of(host),
                    registryUrl,
                    registryCredentials,
                    authRequired,
                    replayWindow);
        }

        Settings withRegistryUrl(String url, String credentials) {
            return new Settings(
                    format,
                    token,
                    hmacSecret,
                    registry,
                    Optional.of(URI.create(url)),
                    Optional.ofNullable(credentials).map(Secret::of),
                    authRequired,
                    replayWindow);
        }
    }

    @Test
    void sources_are_found_by_name_with_their_format_and_registry() {
        Map<String, Source> sources = Sources.of(Map.of(
                "harbor", Settings.of("harbor", "t"),
                "mirror", Settings.of("distribution", "t").withRegistry("Mirror.Tagline.Test:5000")));

        assertThat(sources.get("harbor").format().name()).isEqualTo("harbor");
        assertThat(sources.get("mirror").registry()).contains("mirror.tagline.test:5000");
    }

    @Test
    void a_source_without_a_credential_refuses_to_start() {
        assertThatThrownBy(() -> Sources.of(Map.of("open", Settings.of("distribution", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'open'")
                .hasMessageContaining("neither a token nor an hmac-secret");
    }

    @Test
    void an_unknown_format_refuses_to_start_and_lists_the_known_ones() {
        assertThatThrownBy(() -> Sources.of(Map.of("nexus", Settings.of("nexus", "t"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distribution, dockerhub, ecr");
    }

    @Test
    void a_name_unfit_for_a_url_refuses_to_start() {
        assertThatThrownBy(() -> Sources.of(Map.of("Team_A", Settings.of("harbor", "t"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DNS label");
    }

    @Test
    void a_bad_registry_refuses_to_start() {
        assertThatThrownBy(() -> Sources.of(
                        Map.of("mirror", Settings.of("distribution", "t").withRegistry("a b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mirror'");
    }

    @Test
    void registry_credentials_go_only_to_a_configured_registry_url() {
        Settings credentialsOnly = new Settings(
                "distribution",
                Optional.of(Secret.of("t")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(Secret.of("reader:pw")),
                true,
                Duration.ofMinutes(5));

        assertThatThrownBy(() -> Sources.of(Map.of("registry", credentialsOnly)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registry-url");
        assertThatThrownBy(() -> Sources.of(Map.of(
                        "registry",
                        Settings.of("distribution", "t").withRegistryUrl("ftp://registry.tagline.test", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registry-url");
        assertThat(Sources.of(Map.of(
                                "registry",
                                Settings.of("distribution", "t")
                                        .withRegistryUrl("https://registry.tagline.test", "reader:pw")))
                        .get("registry")
                        .registryCredentials())
                .isPresent();
    }
}
