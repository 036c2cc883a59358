package dev.tagline.imports;

import static dev.tagline.imports.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.events.Topics;
import dev.tagline.testkit.DistributionRegistry;
import dev.tagline.testkit.KafkaTestClients;
import dev.tagline.testkit.ServiceProcess;
import dev.tagline.testkit.Skopeo;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two packaged import-service processes share one database and race for the same due sources: each is checked
 * (one HEAD at the real registry) and published exactly once, and both replicas do part of the work.
 */
class TwoReplicasIT {

    private static final int SOURCES = 24;

    @Test
    void two_replicas_on_one_database_import_each_due_tag_exactly_once() {
        Map<String, String> settings = Map.of(
                "TAGLINE_IMPORTS_INTERVAL", "1h",
                "TAGLINE_IMPORTS_POLL_INTERVAL", "1s",
                // Two sources per look: the replicas' looks interleave until all are done.
                "TAGLINE_IMPORTS_BATCH_SIZE", "2");
        String repository = unique("team-a") + "/app";
        List<String> tags = IntStream.range(0, SOURCES).mapToObj(i -> "t" + i).toList();
        try (DistributionRegistry registry = DistributionRegistry.start()) {
            Skopeo.push(TestData.image(), registry.host() + "/" + repository + ":" + tags.get(0));
            tags.stream().skip(1).forEach(tag -> RegistryTags.tag(registry, repository, tags.get(0), tag));
            ImportsDatabase database = PackagedServices.database();
            try (ServiceProcess a = PackagedServices.startImportService("replica-a", with(settings, "replica-a"));
                    ServiceProcess b = PackagedServices.startImportService("replica-b", with(settings, "replica-b"))) {
                a.awaitReady(PackagedServices.START);
                b.awaitReady(PackagedServices.START);
                // All due at the same moment, written in one transaction, so both replicas find them waiting.
                database.scheduleAllDueNow(registry.host(), repository, tags);

                List<RegistryTagChanged> changes = readChanges(registry.host() + "/" + repository + ":", SOURCES);
                Map<String, Long> perTag =
                        changes.stream().collect(Collectors.groupingBy(RegistryTagChanged::tag, Collectors.counting()));
                assertThat(perTag)
                        .hasSize(SOURCES)
                        .allSatisfy((tag, count) -> assertThat(count).as(tag).isOne());
                assertThat(changes)
                        .extracting(change -> change.origin().source())
                        .contains("replica-a", "replica-b");
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> database.unclaimedCheckedSources(repository) == SOURCES);
                assertThat(tags)
                        .allSatisfy(tag -> assertThat(
                                        RegistryLog.manifestRequests(registry.logFile(), "HEAD", repository, tag))
                                .as(tag)
                                .isOne());
            }
        }
    }

    private static Map<String, String> with(Map<String, String> settings, String instance) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("TAGLINE_IMPORTS_INSTANCE", instance);
        return all;
    }

    /** Every change about the repository's tags: at least {@code atLeast}, then three quiet seconds for duplicates. */
    private static List<RegistryTagChanged> readChanges(String keyPrefix, int atLeast) {
        return KafkaTestClients.read(
                        Topics.REGISTRY_TAG_EVENTS,
                        record -> record.key() != null
                                && record.key().startsWith(keyPrefix)
                                && EventType.REGISTRY_TAG_CHANGED
                                        .type()
                                        .equals(record.headers().get(CloudEventHeaders.TYPE)),
                        atLeast,
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(90))
                .stream()
                .map(KafkaTestClients.Consumed::value)
                .map(value -> EventJson.read(value, RegistryTagChanged.class))
                .toList();
    }
}
