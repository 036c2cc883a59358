package dev.tagline.triggers;

import static dev.tagline.testkit.FreePorts.freePort;
import static dev.tagline.triggers.TestData.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.Topics;
import dev.tagline.events.TriggerActionRequested;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crashes the packaged trigger-service (SIGKILL) after it committed actions it could not relay yet, then starts
 * it again: every action reaches {@code trigger-actions}, once. Runs the real jar against the shared Kafka and
 * Postgres.
 */
class OutboxCrashIT {

    private static final Path MODULE = Path.of(System.getProperty("tagline.module.dir", "."));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KafkaCluster kafka;
    private static PostgresServer postgres;
    private static TriggersDatabase database;

    @BeforeAll
    static void infrastructure() {
        kafka = KafkaCluster.shared();
        postgres = PostgresServer.shared();
        database = new TriggersDatabase(postgres.jdbcUrl(), postgres.username(), postgres.password());
        // KafkaTestClients reads the broker address from configuration, as inside a @QuarkusTest.
        System.setProperty("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Test
    void killing_the_service_between_commit_and_relay_loses_no_action_and_doubles_none() throws Exception {
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        String first = digest();
        String second = digest();
        Path logs = MODULE.resolve("target");

        // The first instance consumes and commits normally, but its producer points at a port where no broker
        // listens: every action stays in the outbox, exactly the state between commit and relay.
        Map<String, String> cutOff = new HashMap<>(environment());
        // A system property, since the channel's hyphens make the environment variable form ambiguous.
        cutOff.put(
                "JAVA_TOOL_OPTIONS",
                "-Dmp.messaging.outgoing.trigger-actions.bootstrap.servers=127.0.0.1:" + freePort());
        try (ServiceProcess service =
                ServiceProcess.start(MODULE, freePort(), cutOff, logs.resolve("outbox-crash-first.log"))) {
            awaitLive(service);
            createTrigger(service, tag, "web");
            createTrigger(service, tag, "api");
            tag.moveTo(first);
            tag.moveTo(second);
            await().atMost(Duration.ofSeconds(60)).until(() -> database.unpublishedOf(tag.namespace()) == 4);
            service.kill();
        }
        assertThat(actionsOf(tag.namespace(), 0)).isEmpty();

        try (ServiceProcess service =
                ServiceProcess.start(MODULE, freePort(), environment(), logs.resolve("outbox-crash-second.log"))) {
            service.awaitReady(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(30)).until(() -> database.unpublishedOf(tag.namespace()) == 0);
        }
        List<KafkaTestClients.Consumed> actions = actionsOf(tag.namespace(), 4);
        assertThat(actions).hasSize(4);
        assertThat(actions)
                .extracting(action -> action.headers().get(CloudEventHeaders.ID))
                .doesNotHaveDuplicates();
        assertThat(actions)
                .extracting(action -> action.key() + " "
                        + EventJson.read(action.value(), TriggerActionRequested.class)
                                .image()
                                .digest())
                .containsExactlyInAnyOrder(
                        tag.namespace() + "/web " + first,
                        tag.namespace() + "/web " + second,
                        tag.namespace() + "/api " + first,
                        tag.namespace() + "/api " + second);
    }

    private static List<KafkaTestClients.Consumed> actionsOf(String namespace, int atLeast) {
        return KafkaTestClients.read(
                Topics.TRIGGER_ACTIONS,
                record -> record.key() != null && record.key().startsWith(namespace + "/"),
                atLeast,
                Duration.ofSeconds(2),
                Duration.ofSeconds(30));
    }

    /** The shared Kafka and Postgres, and trust in the tests' JWT issuer, whose token {@link #createTrigger} sends. */
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

    private static void createTrigger(ServiceProcess service, FollowedImageStreamTag tag, String name)
            throws Exception {
        String body = EventJson.write(TriggersApi.deployTrigger(name, tag, null, null));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(service.baseUrl() + "/api/v1/namespaces/" + tag.namespace() + "/triggers"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + JwtIssuer.shared().clusterAdmin())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
