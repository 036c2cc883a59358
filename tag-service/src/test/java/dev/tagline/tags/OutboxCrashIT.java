package dev.tagline.tags;

import static dev.tagline.tags.TestData.REGISTRY;
import static dev.tagline.tags.TestData.digest;
import static dev.tagline.tags.TestData.pushed;
import static dev.tagline.tags.TestData.unique;
import static dev.tagline.testkit.FreePorts.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tagline.events.EventType;
import dev.tagline.testkit.JwtIssuer;
import dev.tagline.testkit.KafkaCluster;
import dev.tagline.testkit.KafkaTestClients;
import dev.tagline.testkit.PostgresServer;
import dev.tagline.testkit.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crashes the packaged tag-service (SIGKILL) after it committed changes it could not relay yet, then starts
 * it again: the outbox relays everything, once. Runs the real jar against the shared Kafka and Postgres.
 */
class OutboxCrashIT {

    private static final Path MODULE = Path.of(System.getProperty("tagline.module.dir", "."));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KafkaCluster kafka;
    private static PostgresServer postgres;
    private static TagsDatabase database;

    @BeforeAll
    static void infrastructure() {
        kafka = KafkaCluster.shared();
        postgres = PostgresServer.shared();
        database = new TagsDatabase(postgres.jdbcUrl(), postgres.username(), postgres.password());
        // KafkaTestClients reads the broker address from configuration, as inside a @QuarkusTest.
        System.setProperty("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Test
    void killing_the_service_between_commit_and_relay_loses_nothing() throws Exception {
        String namespace = unique("team");
        String repository = unique("team-a") + "/app";
        String source = REGISTRY + "/" + repository + ":v1";
        Path logs = MODULE.resolve("target");

        // The first instance consumes and commits normally, but its producer points at a port where no broker
        // listens: every change stays in the outbox, exactly the state between commit and relay.
        Map<String, String> cutOff = new HashMap<>(environment());
        // A system property, since the channel's hyphens make the environment variable form ambiguous.
        cutOff.put(
                "JAVA_TOOL_OPTIONS",
                "-Dmp.messaging.outgoing.imagestream-tag-events.bootstrap.servers=127.0.0.1:" + freePort());
        try (ServiceProcess first =
                ServiceProcess.start(MODULE, freePort(), cutOff, logs.resolve("outbox-crash-first.log"))) {
            awaitLive(first);
            post(
                    first,
                    "/api/v1/namespaces/" + namespace + "/imagestreams",
                    TestData.imageStreamBody("app", "v1", source));
            KafkaTestClients.publish(
                    EventType.REGISTRY_TAG_CHANGED,
                    KafkaTestClients.newEventId(),
                    source,
                    pushed(repository, "v1", digest()));
            await().atMost(Duration.ofSeconds(30)).until(() -> database.unpublishedOf(namespace) == 2);
            first.kill();
        }
        assertThat(KafkaTestClients.allTagEventsOf(namespace, EventType.IMAGESTREAM_TAG_UPDATED, Duration.ofSeconds(2)))
                .isEmpty();

        try (ServiceProcess second =
                ServiceProcess.start(MODULE, freePort(), environment(), logs.resolve("outbox-crash-second.log"))) {
            second.awaitReady(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(30)).until(() -> database.unpublishedOf(namespace) == 0);
        }
        assertThat(KafkaTestClients.allTagEventsOf(
                        namespace, EventType.IMAGESTREAM_TAG_SPEC_CHANGED, Duration.ofSeconds(2)))
                .hasSize(1);
        assertThat(KafkaTestClients.allTagEventsOf(namespace, EventType.IMAGESTREAM_TAG_UPDATED, Duration.ofSeconds(2)))
                .hasSize(1);
    }

    /** The shared infrastructure, and trust in the testkit's token issuer, whose token {@link #post} sends. */
    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(ServiceProcess.infrastructureEnvironment(kafka, postgres));
        JwtIssuer.shared()
                .verificationConfig()
                .forEach((property, value) ->
                        environment.put(property.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return environment;
    }

    /** Liveness, not readiness: the first instance cannot reach the broker for publishing, by design. */
    private static void awaitLive(ServiceProcess service) {
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> HTTP.send(
                                        HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/live"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }

    private static void post(ServiceProcess service, String path, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + JwtIssuer.shared().clusterAdmin())
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
