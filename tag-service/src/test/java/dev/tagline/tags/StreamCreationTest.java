package dev.tagline.tags;

import static dev.tagline.tags.Api.given;
import static dev.tagline.tags.FollowedTag.awaitHistory;
import static dev.tagline.tags.TestData.REGISTRY;
import static dev.tagline.tags.TestData.digest;
import static dev.tagline.tags.TestData.pushed;
import static dev.tagline.tags.TestData.target;
import static dev.tagline.tags.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagSpecChanged;
import dev.tagline.events.ImportPolicy;
import dev.tagline.events.Origin;
import dev.tagline.events.ReferencePolicy;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.testkit.EventSchemas;
import dev.tagline.testkit.KafkaTestClients;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Streams that events create: an import's explicit target (with the policies it names), and pushes to an integrated
 * registry.
 */
@QuarkusTest
class StreamCreationTest {

    /** Configured as {@code tagline.tags.integrated-registries} in the test profile. */
    private static final String INTEGRATED = "registry.tagline.test:5000";

    @Test
    void an_event_with_a_target_creates_the_stream_and_a_spec_tag_following_the_source() {
        String namespace = unique("team");
        String repository = unique("vendor") + "/tool";
        String digest = digest();

        KafkaTestClients.publish(
                EventType.REGISTRY_TAG_CHANGED,
                KafkaTestClients.newEventId(),
                REGISTRY + "/" + repository + ":1.0",
                pushed(repository, "1.0", digest, target(namespace, "tool", "stable")));

        awaitHistory(namespace, "tool:stable", 1);
        given().get("/api/v1/namespaces/{ns}/imagestreamtags/tool:stable", namespace)
                .then()
                .body("tag.from.kind", equalTo("DockerImage"))
                .body("tag.from.name", equalTo(REGISTRY + "/" + repository + ":1.0"))
                .body("image.digest", equalTo(digest));
        assertThat(KafkaTestClients.tagEventsOf(namespace, EventType.IMAGESTREAM_TAG_SPEC_CHANGED, 1))
                .hasSize(1);
    }

    @Test
    void an_import_into_an_existing_tag_makes_it_follow_the_imported_source() {
        FollowedTag followed = FollowedTag.create();
        String repository = unique("vendor") + "/tool";
        String digest = digest();

        KafkaTestClients.publish(
                EventType.REGISTRY_TAG_CHANGED,
                KafkaTestClients.newEventId(),
                REGISTRY + "/" + repository + ":2.0",
                pushed(repository, "2.0", digest, target(followed.namespace(), "app", "v1")));

        followed.awaitHistory(1);
        followed.tag()
                .body("tag.from.name", equalTo(REGISTRY + "/" + repository + ":2.0"))
                .body("tag.importPolicy.scheduled", equalTo(true))
                .body("image.digest", equalTo(digest));
    }

    @Test
    void a_target_that_names_policies_creates_a_spec_tag_with_them_and_publishes_them_in_the_spec_change() {
        String namespace = unique("team");
        String repository = unique("vendor") + "/tool";
        RegistryTagChanged.Target target = new RegistryTagChanged.Target(
                namespace,
                "tool",
                "stable",
                new ImportPolicy(true, true, ImportPolicy.ImportMode.PreserveOriginal),
                ReferencePolicy.Local);

        KafkaTestClients.publish(
                EventType.REGISTRY_TAG_CHANGED,
                KafkaTestClients.newEventId(),
                REGISTRY + "/" + repository + ":1.0",
                pushed(repository, "1.0", digest(), target));

        awaitHistory(namespace, "tool:stable", 1);
        given().get("/api/v1/namespaces/{ns}/imagestreamtags/tool:stable", namespace)
                .then()
                .body("tag.from.name", equalTo(REGISTRY + "/" + repository + ":1.0"))
                .body("tag.importPolicy.scheduled", equalTo(true))
                .body("tag.importPolicy.insecure", equalTo(true))
                .body("tag.importPolicy.importMode", equalTo("PreserveOriginal"))
                .body("tag.referencePolicy", equalTo("Local"));
        List<ImageStreamTagSpecChanged> specChanges = specChanges(namespace, 1);
        assertThat(specChanges).hasSize(1);
        assertThat(specChanges.get(0).change()).isEqualTo(ImageStreamTagSpecChanged.Change.CREATED);
        assertThat(specChanges.get(0).spec().importPolicy()).isEqualTo(target.importPolicy());
        assertThat(specChanges.get(0).spec().referencePolicy()).isEqualTo(ReferencePolicy.Local);
    }

    @Test
    void an_import_into_a_tag_following_its_source_already_changes_the_spec_only_for_a_policy_it_names() {
        FollowedTag followed = FollowedTag.create();
        String repository = followed.repository();

        KafkaTestClients.publish(
                EventType.REGISTRY_TAG_CHANGED,
                KafkaTestClients.newEventId(),
                followed.source(),
                pushed(repository, "v1", digest(), target(followed.namespace(), "app", "v1")));
        followed.awaitHistory(1);
        assertThat(specChanges(followed.namespace(), 1)).hasSize(1);

        ImportPolicy unscheduled = new ImportPolicy(false, true, ImportPolicy.ImportMode.Legacy);
        KafkaTestClients.publish(
                EventType.REGISTRY_TAG_CHANGED,
                KafkaTestClients.newEventId(),
                followed.source(),
                pushed(
                        repository,
                        "v1",
                        digest(),
                        new RegistryTagChanged.Target(followed.namespace(), "app", "v1", unscheduled, null)));
        followed.awaitHistory(2);
        followed.tag()
                .body("tag.from.name", equalTo(followed.source()))
                .body("tag.importPolicy.scheduled", equalTo(false))
                .body("tag.referencePolicy", equalTo("Source"));
        List<ImageStreamTagSpecChanged> specChanges = specChanges(followed.namespace(), 2);
        assertThat(specChanges).hasSize(2);
        assertThat(specChanges.get(1).change()).isEqualTo(ImageStreamTagSpecChanged.Change.UPDATED);
        assertThat(specChanges.get(1).spec().importPolicy()).isEqualTo(unscheduled);
    }

    @Test
    void a_push_to_an_integrated_registry_creates_the_stream_named_by_its_path() {
        String namespace = unique("team");
        String digest = digest();
        RegistryTagChanged push = new RegistryTagChanged(
                INTEGRATED,
                namespace + "/web",
                "v2",
                digest,
                TestData.OCI_MANIFEST,
                10L,
                List.of(),
                Instant.now(),
                new Origin(Origin.Kind.WEBHOOK, "internal", "e1", "ci"),
                null);

        KafkaTestClients.publish(
                EventType.REGISTRY_TAG_CHANGED,
                KafkaTestClients.newEventId(),
                INTEGRATED + "/" + namespace + "/web:v2",
                push);

        awaitHistory(namespace, "web:v2", 1);
        given().get("/api/v1/namespaces/{ns}/imagestreams/web", namespace)
                .then()
                .statusCode(200)
                .body("status.tags[0].tag", equalTo("v2"))
                .body("status.tags[0].items[0].image", equalTo(digest));
    }

    /** The spec changes published about the namespace, oldest first, each checked against the published schema. */
    private static List<ImageStreamTagSpecChanged> specChanges(String namespace, int atLeast) {
        return KafkaTestClients.tagEventsOf(namespace, EventType.IMAGESTREAM_TAG_SPEC_CHANGED, atLeast).stream()
                .map(KafkaTestClients.Consumed::value)
                .peek(value -> assertThat(EventSchemas.violations(EventType.IMAGESTREAM_TAG_SPEC_CHANGED, value))
                        .as(value)
                        .isEmpty())
                .map(value -> EventJson.read(value, ImageStreamTagSpecChanged.class))
                .toList();
    }
}
