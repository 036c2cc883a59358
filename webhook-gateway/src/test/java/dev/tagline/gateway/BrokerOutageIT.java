package dev.tagline.gateway;

import static dev.tagline.testkit.FreePorts.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.events.Topics;
import dev.tagline.testkit.DistributionRegistry;
import dev.tagline.testkit.KafkaBroker;
import dev.tagline.testkit.KafkaTestClients.Consumed;
import dev.tagline.testkit.OciImages;
import dev.tagline.testkit.ServiceProcess;
import dev.tagline.testkit.Skopeo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged gateway against a broker of its own, configured through environment variables as in
 * production, and stops that broker: webhooks are answered 503 with {@code Retry-After}, readiness turns DOWN, and
 * once the broker is back the real registry's own retry lands the notification it could not deliver.
 */
class BrokerOutageIT {

    private static final Path MODULE = Path.of(System.getProperty("tagline.module.dir", "."));
    private static final String TOKEN = "outage-token-3f9a";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path layouts;

    @Test
    void while_the_broker_is_down_webhooks_get_503_and_the_registry_s_retry_lands_the_event_when_it_is_back()
            throws Exception {
        try (KafkaBroker broker = KafkaBroker.start()) {
            broker.createTopic(Topics.REGISTRY_TAG_EVENTS, 3);
            // KafkaTestClients reads the broker address from configuration, as inside a @QuarkusTest.
            System.setProperty("kafka.bootstrap.servers", broker.bootstrapServers());
            Map<String, String> environment = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS",
                    broker.bootstrapServers(),
                    "TAGLINE_GATEWAY_SOURCES_REGISTRY_FORMAT",
                    "distribution",
                    "TAGLINE_GATEWAY_SOURCES_REGISTRY_TOKEN",
                    TOKEN);
            try (ServiceProcess gateway = ServiceProcess.start(
                    MODULE, freePort(), environment, MODULE.resolve("target/broker-outage-gateway.log"))) {
                gateway.awaitReady(Duration.ofSeconds(90));
                String webhooks = gateway.baseUrl() + "/webhooks/registry";
                try (DistributionRegistry registry = DistributionRegistry.start(
                        new DistributionRegistry.Notifications(
                                webhooks,
                                Map.of("Authorization", "Bearer " + TOKEN),
                                Duration.ofSeconds(30),
                                Duration.ofMillis(500)),
                        null)) {
                    String repository = Fixtures.unique("outage") + "/app";
                    Skopeo.push(
                            OciImages.image(layouts.resolve("before"), OciImages.Platform.LINUX_AMD64, "before"),
                            registry.host() + "/" + repository + ":v1");
                    String before = registry.digestOf(repository, "v1").orElseThrow();
                    assertThat(digestsOf(Published.about(Topics.REGISTRY_TAG_EVENTS, repository, 1)))
                            .containsExactly(before);

                    broker.stop();
                    HttpResponse<String> refused = postPush(webhooks, Fixtures.unique("outage") + "/app");
                    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> status(gateway.baseUrl() + "/q/health/ready") == 503);

                    Skopeo.push(
                            OciImages.image(layouts.resolve("during"), OciImages.Platform.LINUX_AMD64, "during"),
                            registry.host() + "/" + repository + ":v1");
                    String during = registry.digestOf(repository, "v1").orElseThrow();

                    broker.restart();
                    List<Consumed> events = Published.about(Topics.REGISTRY_TAG_EVENTS, repository, 2);
                    assertThat(digestsOf(events))
                            .startsWith(before)
                            .contains(during)
                            .containsOnly(before, during);
                    // A retry the broker took after all may repeat the event: always under the same id.
                    assertThat(events.stream()
                                    .filter(event -> digestOf(event).equals(during))
                                    .map(event -> event.headers().get(CloudEventHeaders.ID))
                                    .distinct())
                            .hasSize(1);
                }
            }
        }
    }

    private static HttpResponse<String> postPush(String webhooks, String repository) throws Exception {
        byte[] push = Fixtures.renamed("distribution/push-manifest.json", "team-a/app", repository);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(webhooks))
                        .header("Content-Type", "application/vnd.docker.distribution.events.v1+json")
                        .header("Authorization", "Bearer " + TOKEN)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(push))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int status(String url) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static List<String> digestsOf(List<Consumed> events) {
        return events.stream().map(BrokerOutageIT::digestOf).toList();
    }

    private static String digestOf(Consumed event) {
        return EventJson.read(event.value(), RegistryTagChanged.class).digest();
    }
}
