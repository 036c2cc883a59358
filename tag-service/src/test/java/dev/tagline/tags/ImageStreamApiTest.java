package dev.tagline.tags;

import static dev.tagline.tags.Api.given;
import static dev.tagline.tags.FollowedTag.awaitHistory;
import static dev.tagline.tags.FollowedTag.createStream;
import static dev.tagline.tags.TestData.REGISTRY;
import static dev.tagline.tags.TestData.digest;
import static dev.tagline.tags.TestData.pushed;
import static dev.tagline.tags.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagSpecChanged;
import dev.tagline.testkit.EventSchemas;
import dev.tagline.testkit.KafkaTestClients;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image stream, image stream tag and image stream image API against the real database and broker. */
@QuarkusTest
class ImageStreamApiTest {

    @Test
    void a_created_stream_reads_back_with_its_spec_and_is_listed() {
        String namespace = unique("team");
        createStream(namespace, "app", "v1", REGISTRY + "/team-a/app:v1");

        given().get("/api/v1/namespaces/{ns}/imagestreams/app", namespace)
                .then()
                .statusCode(200)
                .body("namespace", equalTo(namespace))
                .body("spec.tags[0].name", equalTo("v1"))
                .body("spec.tags[0].from.name", equalTo(REGISTRY + "/team-a/app:v1"))
                .body("spec.tags[0].importPolicy.scheduled", equalTo(true))
                .body("spec.tags[0].importPolicy.insecure", equalTo(true))
                .body("status.tags", hasSize(0));
        given().get("/api/v1/namespaces/{ns}/imagestreams", namespace)
                .then()
                .statusCode(200)
                .body("name", contains("app"));
    }

    @Test
    void creating_a_spec_tag_publishes_spec_changed_with_its_import_policy() {
        String namespace = unique("team");
        createStream(namespace, "app", "v1", REGISTRY + "/team-a/app:v1");

        List<KafkaTestClients.Consumed> events =
                KafkaTestClients.tagEventsOf(namespace, EventType.IMAGESTREAM_TAG_SPEC_CHANGED, 1);
        assertThat(events).hasSize(1);
        assertThat(EventSchemas.violations(
                        EventType.IMAGESTREAM_TAG_SPEC_CHANGED, events.get(0).value()))
                .isEmpty();
        ImageStreamTagSpecChanged changed = EventJson.read(events.get(0).value(), ImageStreamTagSpecChanged.class);
        assertThat(changed.change()).isEqualTo(ImageStreamTagSpecChanged.Change.CREATED);
        assertThat(changed.spec().importPolicy().scheduled()).isTrue();
    }

    @Test
    void creating_a_stream_twice_is_a_conflict() {
        String namespace = unique("team");
        createStream(namespace, "app", "v1", REGISTRY + "/team-a/app:v1");

        given().contentType(ContentType.JSON)
                .body(TestData.imageStreamBody("app", "v1", REGISTRY + "/team-a/app:v1"))
                .post("/api/v1/namespaces/{ns}/imagestreams", namespace)
                .then()
                .statusCode(409)
                .body("field", equalTo("name"));
    }

    @Test
    void replacing_a_stream_creates_changes_and_removes_spec_tags_and_publishes_each_change() {
        String namespace = unique("team");
        createStream(namespace, "app", "v1", REGISTRY + "/team-a/app:v1");
        String replacement = """
                {"name":"app","tags":[
                 {"name":"v1","from":{"kind":"DockerImage","name":"%s"},"importPolicy":{"scheduled":true}},
                 {"name":"v2","from":{"kind":"DockerImage","name":"%s"}}]}""".formatted(REGISTRY + "/team-a/app:v1-fixed", REGISTRY + "/team-a/app:v2");

        given().contentType(ContentType.JSON)
                .body(replacement)
                .put("/api/v1/namespaces/{ns}/imagestreams/app", namespace)
                .then()
                .statusCode(200)
                .body("spec.tags.name", contains("v1", "v2"))
                .body("spec.tags[0].from.name", equalTo(REGISTRY + "/team-a/app:v1-fixed"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"app\",\"tags\":[]}")
                .put("/api/v1/namespaces/{ns}/imagestreams/app", namespace)
                .then()
                .statusCode(200)
                .body("spec.tags", hasSize(0));

        List<ImageStreamTagSpecChanged.Change> changes =
                KafkaTestClients.tagEventsOf(namespace, EventType.IMAGESTREAM_TAG_SPEC_CHANGED, 5).stream()
                        .map(event -> EventJson.read(event.value(), ImageStreamTagSpecChanged.class)
                                .change())
                        .toList();
        // Two tags, two keys: only each tag's own events are ordered.
        assertThat(changes)
                .containsExactlyInAnyOrder(
                        ImageStreamTagSpecChanged.Change.CREATED,
                        ImageStreamTagSpecChanged.Change.UPDATED,
                        ImageStreamTagSpecChanged.Change.CREATED,
                        ImageStreamTagSpecChanged.Change.REMOVED,
                        ImageStreamTagSpecChanged.Change.REMOVED);
    }

    @Test
    void a_removed_spec_tag_is_published_with_the_spec_it_had() {
        String namespace = unique("team");
        createStream(namespace, "app", "v1", REGISTRY + "/team-a/app:v1");

        given().delete("/api/v1/namespaces/{ns}/imagestreamtags/app:v1", namespace)
                .then()
                .statusCode(204);

        List<ImageStreamTagSpecChanged> changes =
                KafkaTestClients.tagEventsOf(namespace, EventType.IMAGESTREAM_TAG_SPEC_CHANGED, 2).stream()
                        .map(event -> EventJson.read(event.value(), ImageStreamTagSpecChanged.class))
                        .toList();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).change()).isEqualTo(ImageStreamTagSpecChanged.Change.REMOVED);
        assertThat(changes.get(1).spec().importPolicy().scheduled()).isTrue();
    }

    @Test
    void put_creates_and_replaces_a_tag_and_delete_removes_it_but_keeps_its_images_findable() {
        String namespace = unique("team");
        String repository = unique("team-a") + "/app";
        String spec = """
                {"from":{"kind":"DockerImage","name":"%s"}}""".formatted(REGISTRY + "/" + repository + ":v1");
        given().contentType(ContentType.JSON)
                .body(spec)
                .put("/api/v1/namespaces/{ns}/imagestreamtags/app:v1", namespace)
                .then()
                .statusCode(200)
                .body("name", equalTo("app:v1"))
                .body("image", nullValue());
        given().contentType(ContentType.JSON)
                .body(spec.replace("}}", "},\"importPolicy\":{\"scheduled\":true}}"))
                .put("/api/v1/namespaces/{ns}/imagestreamtags/app:v1", namespace)
                .then()
                .statusCode(200)
                .body("tag.importPolicy.scheduled", equalTo(true));
        String digest = digest();
        KafkaTestClients.publish(
                EventType.REGISTRY_TAG_CHANGED,
                KafkaTestClients.newEventId(),
                REGISTRY + "/" + repository + ":v1",
                pushed(repository, "v1", digest));
        awaitHistory(namespace, "app:v1", 1);

        given().delete("/api/v1/namespaces/{ns}/imagestreamtags/app:v1", namespace)
                .then()
                .statusCode(204);

        given().get("/api/v1/namespaces/{ns}/imagestreamtags/app:v1", namespace)
                .then()
                .statusCode(404)
                .body("field", equalTo("tag"));
        given().get("/api/v1/namespaces/{ns}/imagestreamimages/app@{digest}", namespace, digest)
                .then()
                .statusCode(200)
                .body("image.digest", equalTo(digest))
                .body("tags", hasSize(0));
        assertThat(KafkaTestClients.tagEventsOf(namespace, EventType.IMAGESTREAM_TAG_DELETED, 1))
                .hasSize(1);
    }

    @Test
    void history_is_paged_newest_first() {
        String namespace = unique("team");
        String repository = unique("team-a") + "/app";
        String source = REGISTRY + "/" + repository + ":v1";
        createStream(namespace, "app", "v1", source);
        List<String> digests = List.of(digest(), digest(), digest());
        digests.forEach(d -> KafkaTestClients.publish(
                EventType.REGISTRY_TAG_CHANGED, KafkaTestClients.newEventId(), source, pushed(repository, "v1", d)));
        awaitHistory(namespace, "app:v1", 3);

        Integer next = given().get("/api/v1/namespaces/{ns}/imagestreamtags/app:v1?limit=2", namespace)
                .then()
                .statusCode(200)
                .body("history.image", contains(digests.get(2), digests.get(1)))
                .extract()
                .path("continue");
        given().get("/api/v1/namespaces/{ns}/imagestreamtags/app:v1?limit=2&before={next}", namespace, next)
                .then()
                .statusCode(200)
                .body("history.image", contains(digests.get(0)))
                .body("continue", nullValue());
    }

    @Test
    void deleting_a_stream_removes_it() {
        String namespace = unique("team");
        createStream(namespace, "app", "v1", REGISTRY + "/team-a/app:v1");

        given().delete("/api/v1/namespaces/{ns}/imagestreams/app", namespace)
                .then()
                .statusCode(204);

        given().get("/api/v1/namespaces/{ns}/imagestreams/app", namespace)
                .then()
                .statusCode(404);
    }
}
