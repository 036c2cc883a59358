package dev.tagline.tags;

import static dev.tagline.tags.TestData.REGISTRY;
import static dev.tagline.tags.TestData.digest;
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
import dev.tagline.testkit.EventSchemas;
import dev.tagline.testkit.KafkaTestClients;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deleted and unimportable sources show as conditions on the tags that follow them; history stays. */
@QuarkusTest
class SourceProblemsTest {

    private static final Origin SCHEDULED = new Origin(Origin.Kind.SCHEDULED_IMPORT, "import-service", null, null);
    private static final Origin WEBHOOK = new Origin(Origin.Kind.WEBHOOK, "local", "evt-9", null);

    @Test
    void an_import_failure_sets_a_condition_publishes_once_per_change_and_keeps_history() {
        FollowedTag followed = FollowedTag.create();
        String digest = digest();
        followed.push(digest);
        failImport(followed, ImportFailureReason.UNAUTHORIZED);
        failImport(followed, ImportFailureReason.UNAUTHORIZED);
        // A different reason is a change of state; once it shows, the repeated failure was seen.
        failImport(followed, ImportFailureReason.NOT_FOUND);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> followed.tag()
                        .body("conditions", hasSize(1))
                        .body("conditions[0].type", equalTo("ImportSuccess"))
                        .body("conditions[0].status", equalTo("False"))
                        .body("conditions[0].reason", equalTo("NotFound"))
                        .body("history.image", contains(digest)));
        List<KafkaTestClients.Consumed> failures =
                KafkaTestClients.tagEventsOf(followed.namespace(), EventType.IMAGESTREAM_TAG_IMPORT_FAILED, 2);
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0).value()).contains("\"unauthorized\"");
        assertThat(failures.get(1).value()).contains("\"not-found\"");
        assertThat(EventSchemas.violations(
                        EventType.IMAGESTREAM_TAG_IMPORT_FAILED, failures.get(0).value()))
                .isEmpty();
    }

    @Test
    void a_deleted_source_tag_sets_a_condition_publishes_tag_deleted_and_keeps_history() {
        FollowedTag followed = FollowedTag.create();
        String digest = digest();
        followed.push(digest);
        // What the registry sends for a manifest deleted by digest: the digest alone, then each of its tags.
        KafkaTestClients.publish(
                EventType.REGISTRY_TAG_DELETED,
                KafkaTestClients.newEventId(),
                REGISTRY + "/" + followed.repository(),
                new RegistryTagDeleted(REGISTRY, followed.repository(), null, digest, Instant.now(), WEBHOOK));
        KafkaTestClients.publish(
                EventType.REGISTRY_TAG_DELETED,
                KafkaTestClients.newEventId(),
                followed.source(),
                new RegistryTagDeleted(REGISTRY, followed.repository(), "v1", null, Instant.now(), WEBHOOK));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> followed.tag()
                        .body("conditions.type", contains("SourceDeleted"))
                        .body("history.image", contains(digest)));
        List<KafkaTestClients.Consumed> deleted =
                KafkaTestClients.tagEventsOf(followed.namespace(), EventType.IMAGESTREAM_TAG_DELETED, 1);
        assertThat(deleted).hasSize(1);
        assertThat(EventSchemas.violations(
                        EventType.IMAGESTREAM_TAG_DELETED, deleted.get(0).value()))
                .isEmpty();
        assertThat(deleted.get(0).value()).contains("\"source-deleted\"", digest);
    }

    @Test
    void a_new_push_clears_the_conditions() {
        FollowedTag followed = FollowedTag.create();
        failImport(followed, ImportFailureReason.NOT_FOUND);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> followed.tag().body("conditions.reason", contains("NotFound")));

        followed.push(digest());

        followed.awaitHistory(1);
        followed.tag().body("conditions", hasSize(0));
    }

    private static void failImport(FollowedTag followed, ImportFailureReason reason) {
        KafkaTestClients.publish(
                EventType.REGISTRY_TAG_IMPORT_FAILED,
                KafkaTestClients.newEventId(),
                followed.source(),
                new RegistryTagImportFailed(
                        REGISTRY,
                        followed.repository(),
                        "v1",
                        reason,
                        "the registry said no",
                        Instant.now(),
                        SCHEDULED,
                        null));
    }
}
