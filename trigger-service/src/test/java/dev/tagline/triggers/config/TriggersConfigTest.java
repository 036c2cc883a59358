package dev.tagline.triggers.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The trigger-service's settings as SmallRye Config maps them at start-up: a malformed one fails, naming itself. */
class TriggersConfigTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            tagline.triggers.allowed-webhook-hosts      | 127.0.0.1:*
            tagline.triggers.allowed-webhook-hosts      | https://hooks.example.com
            tagline.triggers.delivery.initial-backoff   | -1s
            tagline.triggers.delivery.poll-interval     | 0ms
            tagline.triggers.outbox.retention           | forever
            tagline.triggers.delivery.max-in-flight     | 0
            tagline.triggers.delivery.max-attempts      | -3
            """)
    void a_malformed_setting_stops_the_start_naming_the_setting(String setting, String value) {
        assertThatThrownBy(() -> mapped(Map.of(setting, value)))
                .hasMessageContaining(setting)
                .hasMessageContaining(value);
    }

    @Test
    void the_defaults_and_the_local_stacks_values_are_read() {
        TriggersConfig config = mapped(Map.of("tagline.triggers.allowed-webhook-hosts", "public,127.0.0.1"));
        assertThat(config.allowedWebhookHosts()).hasSize(2);
        assertThat(config.delivery().initialBackoff()).isEqualTo(Duration.ofSeconds(5));
    }

    private static TriggersConfig mapped(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(TriggersConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(TriggersConfig.class);
    }
}
