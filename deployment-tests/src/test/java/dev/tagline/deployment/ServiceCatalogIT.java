package dev.tagline.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.testkit.TaglineStack;
import org.junit.jupiter.api.Test;

/** The catalog the deployment tests trust, read from the real packaged services. */
class ServiceCatalogIT {

    private static final ServiceCatalog CATALOG = ServiceCatalog.read();

    @Test
    void each_service_listens_on_the_port_the_stack_and_the_architecture_give_it() {
        for (TaglineStack.Service service : TaglineStack.Service.values()) {
            assertThat(CATALOG.service(service.module()).httpPort())
                    .as(service.module())
                    .isEqualTo(service.standardPort());
        }
        assertThat(CATALOG.services()).extracting(TaglineService::httpPort).containsExactly(8081, 8082, 8083, 8084);
    }

    @Test
    void topics_are_the_channels_topics_and_their_dead_letter_topics() {
        assertThat(CATALOG.service("tag-service").topics())
                .containsExactlyInAnyOrder("registry-tag-events", "registry-tag-events-dlq", "imagestream-tag-events");
        assertThat(CATALOG.service("webhook-gateway").topics()).isEmpty();
        assertThat(CATALOG.topics())
                .contains("trigger-actions", "import-requests", "import-requests-dlq", "imagestream-tag-events-dlq");
    }

    @Test
    void configuration_mapping_properties_are_read_with_any_map_key() {
        TaglineService gateway = CATALOG.service("webhook-gateway");
        assertThat(gateway.readsEnvironmentVariable("TAGLINE_GATEWAY_SOURCES_LOCAL_FORMAT"))
                .isTrue();
        assertThat(gateway.readsEnvironmentVariable("TAGLINE_GATEWAY_SOURCES_HARBOR_PROD_HMAC_SECRET"))
                .isTrue();
        assertThat(gateway.readsEnvironmentVariable("TAGLINE_GATEWAY_MAX_BODY_SIZE"))
                .isTrue();
        assertThat(gateway.readsEnvironmentVariable("TAGLINE_GATEWAY_SOURCES_LOCAL_FORMATS"))
                .isFalse();
        assertThat(CATALOG.service("import-service")
                        .readsEnvironmentVariable("TAGLINE_IMPORTS_REGISTRIES__QUAY_IO__PASSWORD"))
                .isTrue();
        assertThat(CATALOG.service("trigger-service")
                        .readsEnvironmentVariable("TAGLINE_TRIGGERS_DELIVERY_MAX_ATTEMPTS"))
                .isTrue();
    }

    @Test
    void a_library_s_configuration_counts_only_for_the_services_that_package_it() {
        assertThat(CATALOG.service("tag-service").readsEnvironmentVariable("TAGLINE_ACCESS_TOKEN_FILE"))
                .isTrue();
        assertThat(CATALOG.service("tag-service").readsEnvironmentVariable("MP_JWT_VERIFY_ISSUER"))
                .isTrue();
        assertThat(CATALOG.service("webhook-gateway").readsEnvironmentVariable("TAGLINE_ACCESS_TOKEN_FILE"))
                .isFalse();
        assertThat(CATALOG.service("webhook-gateway").readsEnvironmentVariable("MP_JWT_VERIFY_ISSUER"))
                .isFalse();
    }

    @Test
    void only_services_with_a_database_read_the_datasource() {
        assertThat(CATALOG.service("trigger-service").readsEnvironmentVariable("QUARKUS_DATASOURCE_REACTIVE_URL"))
                .isTrue();
        assertThat(CATALOG.service("webhook-gateway").readsEnvironmentVariable("QUARKUS_DATASOURCE_REACTIVE_URL"))
                .isFalse();
        assertThat(CATALOG.service("webhook-gateway").readsEnvironmentVariable("KAFKA_BOOTSTRAP_SERVERS"))
                .isTrue();
    }

    @Test
    void a_misspelt_setting_is_not_read() {
        assertThat(CATALOG.service("tag-service").readsEnvironmentVariable("QUARKUS_DATASOURCE_JBDC_URL"))
                .isFalse();
        assertThat(CATALOG.service("import-service").readsEnvironmentVariable("TAGLINE_IMPORTS_ALLOWED_REGISTRY"))
                .isFalse();
    }
}
