package dev.tagline.tags;

import static dev.tagline.tags.RegistryPushTest.awaitHistory;
import static dev.tagline.tags.RegistryPushTest.createStream;
import static dev.tagline.tags.TestData.REGISTRY;
import static dev.tagline.tags.TestData.digest;
import static dev.tagline.tags.TestData.pushed;
import static dev.tagline.tags.TestData.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.tagline.events.EventType;
import dev.tagline.events.ImportFailureReason;
import dev.tagline.events.Origin;
import dev.tagline.events.RegistryTagDeleted;
import dev.tagline.events.RegistryTagImportFailed;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Deleted and unimportable sources show as conditions on the tags that follow them; history stays. */
@QuarkusTest
class SourceProblemsTest {

    private static final Origin SCHEDULED = new Origin(Origin.Kind.SCHEDULED_IMPORT, "import-service", null, null);

    @Test
    void an_import_failure_sets_a_condition_once_and_keeps_history() {
        String namespace = unique("team");
        String repository = unique("team-a") + "/app";
        String source = REGISTRY + "/" + repository + ":v1";
        createStream(namespace, "app", "v1", source);
        String digest = digest();
        KafkaTestClients.publish(EventType.REGISTRY_TAG_CHANGED, KafkaTestClients.newEventId(), source,
                pushed(repository, "v1", digest));
        RegistryTagImportFailed failed = new RegistryTagImportFailed(REGISTRY, repository, "v1",
                ImportFailureReason.UNAUTHORIZED, "401 from the registry", Instant.now(), SCHEDULED, null);
        KafkaTestClients.publish(EventType.REGISTRY_TAG_IMPORT_FAILED, KafkaTestClients.newEventId(), source, failed);
        KafkaTestClients.publish(EventType.REGISTRY_TAG_IMPORT_FAILED, KafkaTestClients.newEventId(), source, failed);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get("/api/v1/namespaces/{ns}/imagestreamtags/app:v1", namespace).then()
                .body("conditions", hasSize(1))
                .body("conditions[0].type", equalTo("ImportSuccess"))
                .body("conditions[0].status", equalTo("False"))
                .body("conditions[0].reason", equalTo("Unauthorized"))
                .body("history.image", contains(digest)));
        assertThat(KafkaTestClients.allTagEventsOf(namespace, EventType.IMAGESTREAM_TAG_IMPORT_FAILED,
                Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void a_deleted_source_tag_sets_a_condition_publishes_tag_deleted_and_keeps_history() {
        String namespace = unique("team");
        String repository = unique("team-a") + "/app";
        String source = REGISTRY + "/" + repository + ":v1";
        createStream(namespace, "app", "v1", source);
        String digest = digest();
        KafkaTestClients.publish(EventType.REGISTRY_TAG_CHANGED, KafkaTestClients.newEventId(), source,
                pushed(repository, "v1", digest));
        Origin webhook = new Origin(Origin.Kind.WEBHOOK, "local", "evt-9", null);
        KafkaTestClients.publish(EventType.REGISTRY_TAG_DELETED, KafkaTestClients.newEventId(),
                REGISTRY + "/" + repository, new RegistryTagDeleted(REGISTRY, repository, null, digest, Instant.now(),
                        webhook));
        KafkaTestClients.publish(EventType.REGISTRY_TAG_DELETED, KafkaTestClients.newEventId(), source,
                new RegistryTagDeleted(REGISTRY, repository, "v1", null, Instant.now(), webhook));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get("/api/v1/namespaces/{ns}/imagestreamtags/app:v1", namespace).then()
                .body("conditions.type", contains("SourceDeleted"))
                .body("history.image", contains(digest)));
        var deleted = KafkaTestClients.tagEventsOf(namespace, EventType.IMAGESTREAM_TAG_DELETED, 1);
        assertThat(deleted).hasSize(1);
        assertThat(EventSchemas.violations(EventType.IMAGESTREAM_TAG_DELETED, deleted.get(0).value())).isEmpty();
        assertThat(deleted.get(0).value()).contains("\"source-deleted\"", digest);
    }

    @Test
    void a_new_push_clears_the_conditions() {
        String namespace = unique("team");
        String repository = unique("team-a") + "/app";
        String source = REGISTRY + "/" + repository + ":v1";
        createStream(namespace, "app", "v1", source);
        KafkaTestClients.publish(EventType.REGISTRY_TAG_IMPORT_FAILED, KafkaTestClients.newEventId(), source,
                new RegistryTagImportFailed(REGISTRY, repository, "v1", ImportFailureReason.NOT_FOUND, "404",
                        Instant.now(), SCHEDULED, null));
        KafkaTestClients.publish(EventType.REGISTRY_TAG_CHANGED, KafkaTestClients.newEventId(), source,
                pushed(repository, "v1", digest()));

        awaitHistory(namespace, "app:v1", 1);
        given().get("/api/v1/namespaces/{ns}/imagestreamtags/app:v1", namespace).then()
                .body("conditions", hasSize(0));
    }
}
