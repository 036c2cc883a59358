package dev.tagline.imports.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The import-service's settings as SmallRye Config maps them at start-up: a malformed one fails, naming itself. */
class ImportsConfigTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            tagline.imports.allowed-registries   | 127.0.0.1:*
            tagline.imports.allowed-registries   | *,127.0.0.1
            tagline.imports.allowed-registries   | public,10.0.0.0/33
            tagline.imports.interval             | -5m
            tagline.imports.poll-interval        | 0s
            tagline.imports.http.connect-timeout | soon
            tagline.imports.jitter               | 1.5
            tagline.imports.batch-size           | 0
            tagline.imports.registry-burst       | many
            tagline.imports.signatures.recheck-after | 30s,0s
            tagline.imports.signatures.max-signatures | 0
            tagline.imports.signatures.insecure-registries | 127.0.0.1:5000/team-a
            """)
    void a_malformed_setting_stops_the_start_naming_the_setting(String setting, String value) {
        assertThatThrownBy(() -> mapped(Map.of(setting, value)))
                .hasMessageContaining(setting)
                .hasMessageContaining(value);
    }

    @Test
    void the_defaults_and_the_local_stacks_values_are_read() {
        ImportsConfig config = mapped(Map.of(
                "tagline.imports.allowed-registries",
                "public,127.0.0.1",
                "tagline.imports.interval",
                "30s",
                "tagline.imports.signatures.insecure-registries",
                "127.0.0.1:5000,Registry.Local"));
        assertThat(config.allowedRegistries()).hasSize(2);
        assertThat(config.signatures().insecureRegistries())
                .contains(List.of(new PlainHttpRegistry("127.0.0.1:5000"), new PlainHttpRegistry("registry.local")));
        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.http().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.signatures().recheckAfter())
                .containsExactly(
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(10),
                        Duration.ofHours(1),
                        Duration.ofHours(6));
    }

    private static ImportsConfig mapped(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ImportsConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(ImportsConfig.class);
    }
}
