package dev.tagline.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.gateway.config.GatewayConfig;
import dev.tagline.gateway.config.GatewayConfig.SourceConfig;
import dev.tagline.web.Secret;
import io.fabric8.kubernetes.api.model.Container;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway's webhook sources as the gateway itself reads them from the environment docker-compose.yml and k8s/
 * give it: bound to its packaged {@code GatewayConfig} by SmallRye Config, as at start-up. An environment-variable
 * name for a map key can be read more than one way ({@code …_SOURCES_LOCAL_REGISTRY_URL}: source {@code local}'s
 * {@code registry-url}, or a source {@code local-registry}?); this proves which way it is.
 */
class GatewaySourcesBindingIT {

    private static final String PLACEHOLDER = "a-value-from-a-secret";

    @Test
    void compose_gives_the_gateway_one_source_local_naming_the_registry_container() {
        ComposeFile compose = ComposeFile.read(ServiceCatalog.repositoryRoot().resolve("docker-compose.yml"));
        Map<String, String> environment = new HashMap<>();
        compose.environment("webhook-gateway")
                .forEach((name, value) -> environment.put(name, ComposeFile.withDefaults(value)));

        GatewayConfig gateway = bind(environment);

        assertThat(gateway.sources()).containsOnlyKeys("local");
        SourceConfig local = gateway.sources().get("local");
        assertThat(local.format()).isEqualTo("distribution");
        assertThat(local.registry()).contains("registry:5000");
        assertThat(local.registryUrl()).contains(URI.create("http://registry:5000"));
        assertThat(local.token().map(Secret::reveal))
                .contains(
                        ComposeFile.withDefaults("${TAGLINE_REGISTRY_WEBHOOK_TOKEN:-tagline-local-registry-webhook}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void kubernetes_gives_the_gateway_one_source_registry_with_its_token_from_a_secret(String overlay) {
        RenderedManifests manifests = RenderedManifests.render(ServiceCatalog.repositoryRoot(), overlay);
        Container gatewayContainer = PodTemplates.container(
                manifests.deployment(ServiceCatalog.read().service("webhook-gateway")));
        Map<String, String> environment = new HashMap<>(PodTemplates.environment(manifests, gatewayContainer));
        PodTemplates.variableNames(manifests, gatewayContainer)
                .forEach(name -> environment.putIfAbsent(name, PLACEHOLDER));

        GatewayConfig gateway = bind(environment);

        assertThat(gateway.sources()).containsOnlyKeys("registry");
        assertThat(gateway.sources().get("registry").format()).isEqualTo("distribution");
        assertThat(gateway.sources().get("registry").token().map(Secret::reveal))
                .contains(PLACEHOLDER);
    }

    private static GatewayConfig bind(Map<String, String> environment) {
        // Quarkus's own converters, as the packaged gateway has them: durations like "2s", sizes like "1M".
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(environment, EnvConfigSource.ORDINAL))
                .withConverter(Duration.class, 100, new DurationConverter())
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withMapping(GatewayConfig.class)
                .build();
        return config.getConfigMapping(GatewayConfig.class);
    }
}
