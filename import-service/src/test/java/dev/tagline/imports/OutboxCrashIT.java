package dev.tagline.imports;

import static dev.tagline.imports.OnDemandImportTest.body;
import static dev.tagline.imports.TestData.unique;
import static dev.tagline.testkit.FreePorts.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tagline.events.EventType;
import dev.tagline.testkit.DistributionRegistry;
import dev.tagline.testkit.ServiceProcess;
import dev.tagline.testkit.Skopeo;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Crashes the packaged import-service (SIGKILL) after it committed an import it could not relay yet, then starts it
 * again: the outbox relays the event, once. Runs the real jar against the shared Kafka and Postgres.
 */
class OutboxCrashIT {

    @Test
    void killing_the_service_between_commit_and_relay_loses_nothing() {
        String source = "%s/" + unique("team-a") + "/app:v1";
        ImportsDatabase database = PackagedServices.database();
        try (DistributionRegistry registry = DistributionRegistry.start()) {
            String reference = source.formatted(registry.host());
            Skopeo.push(TestData.image(), reference);

            // The first instance imports and commits normally, but its producer points at a port where no broker
            // listens: the event stays in the outbox, exactly the state between commit and relay. A system
            // property, since the channel's hyphens make the environment variable form ambiguous.
            try (ServiceProcess first = PackagedServices.startImportService(
                    "outbox-crash-first",
                    Map.of(
                            "JAVA_TOOL_OPTIONS",
                            "-Dmp.messaging.outgoing.registry-tag-events.bootstrap.servers=127.0.0.1:" + freePort()))) {
                PackagedServices.awaitLive(first);
                assertThat(PackagedServices.post(
                                        first,
                                        "/api/v1/namespaces/" + unique("team") + "/imagestreamimports",
                                        body(reference, "app:v1", true))
                                .statusCode())
                        .isEqualTo(200);
                assertThat(database.unpublishedOutboxRowsOf(reference)).isOne();
                first.kill();
            }
            assertThat(RegistryEvents.all(EventType.REGISTRY_TAG_CHANGED, reference, Duration.ofSeconds(2)))
                    .isEmpty();

            try (ServiceProcess second = PackagedServices.startImportService("outbox-crash-second", Map.of())) {
                second.awaitReady(PackagedServices.START);
                await().atMost(Duration.ofSeconds(30)).until(() -> database.unpublishedOutboxRowsOf(reference) == 0);
            }
            assertThat(RegistryEvents.all(EventType.REGISTRY_TAG_CHANGED, reference, Duration.ofSeconds(2)))
                    .hasSize(1);
        }
    }
}
