package dev.tagline.imports;

import static dev.tagline.imports.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tagline.events.EventType;
import dev.tagline.events.ImportFailureReason;
import dev.tagline.events.ImportRequested;
import dev.tagline.events.Origin;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.events.RegistryTagImportFailed;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.Topics;
import dev.tagline.testkit.DistributionRegistry;
import dev.tagline.testkit.KafkaTestClients;
import dev.tagline.testkit.OciImages;
import dev.tagline.testkit.Skopeo;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code import.requested} events on the real broker (as the webhook-gateway sends for Quay and Docker Hub) are
 * resolved at once against the real registry, answered with the webhook's origin, once per request.
 */
@QuarkusTest
class ImportRequestsTest {

    private static DistributionRegistry registry;
    private final ImportsDatabase database = ImportsDatabase.ofApp();

    @BeforeAll
    static void startRegistry() {
        registry = DistributionRegistry.start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void a_request_is_answered_with_the_digest_and_the_webhook_origin_once_even_when_redelivered() {
        String repository = unique("team-a") + "/app";
        String source = registry.host() + "/" + repository + ":v1";
        OciImages.LayoutImage image = TestData.image();
        Skopeo.push(image, source);
        followInsecurely(source);

        String requestId = KafkaTestClients.newEventId();
        ImportRequested request = request(repository, "v1", "quay-hook-42");
        KafkaTestClients.publish(EventType.IMPORT_REQUESTED, requestId, request.key(), request);
        KafkaTestClients.publish(EventType.IMPORT_REQUESTED, requestId, request.key(), request);

        List<RegistryTagChanged> answers = RegistryEvents.changed(source, Origin.Kind.WEBHOOK, 1);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).digest()).isEqualTo(image.digest());
        assertThat(answers.get(0).origin()).isEqualTo(request.origin());
        assertThat(answers.get(0).target()).isNull();
    }

    @Test
    void a_request_for_a_missing_tag_is_answered_with_import_failed() {
        String repository = unique("team-a") + "/app";
        String source = registry.host() + "/" + repository + ":gone";
        followInsecurely(source);

        ImportRequested request = request(repository, "gone", "quay-hook-43");
        KafkaTestClients.publish(EventType.IMPORT_REQUESTED, KafkaTestClients.newEventId(), request.key(), request);

        List<RegistryTagImportFailed> failures = RegistryEvents.failed(source, 2);
        assertThat(failures)
                .filteredOn(failure -> failure.origin().kind() == Origin.Kind.WEBHOOK)
                .extracting(RegistryTagImportFailed::reason)
                .containsExactly(ImportFailureReason.NOT_FOUND);
    }

    @Test
    void a_malformed_request_is_dead_lettered_and_the_next_is_still_answered() {
        String repository = unique("team-a") + "/app";
        String source = registry.host() + "/" + repository + ":v1";
        Skopeo.push(TestData.image(), source);
        followInsecurely(source);

        ImportRequested bad = new ImportRequested(
                registry.host(),
                "Not/A/Repository",
                "v1",
                Instant.now(),
                new Origin(Origin.Kind.WEBHOOK, "quay", null, null));
        KafkaTestClients.publish(EventType.IMPORT_REQUESTED, KafkaTestClients.newEventId(), source, bad);
        ImportRequested good = request(repository, "v1", "quay-hook-44");
        KafkaTestClients.publish(EventType.IMPORT_REQUESTED, KafkaTestClients.newEventId(), source, good);

        assertThat(RegistryEvents.changed(source, Origin.Kind.WEBHOOK, 1)).hasSize(1);
        List<KafkaTestClients.Consumed> deadLetters = KafkaTestClients.read(
                Topics.deadLetter(Topics.IMPORT_REQUESTS),
                record -> source.equals(record.key()),
                1,
                Duration.ofSeconds(1),
                Duration.ofSeconds(20));
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).headers().get("dead-letter-reason")).contains("repository");
    }

    /** The test registry speaks plain HTTP: a spec tag marking its source insecure allows that for requests too. */
    private void followInsecurely(String source) {
        SpecTags.followScheduled(new StreamTagRef(unique("team"), "app", "v1"), source);
        await().atMost(Duration.ofSeconds(20)).until(() -> database.followersOf(source) == 1);
    }

    private static ImportRequested request(String repository, String tag, String eventId) {
        return new ImportRequested(
                registry.host(),
                repository,
                tag,
                Instant.now(),
                new Origin(Origin.Kind.WEBHOOK, "quay", eventId, "robot"));
    }
}
