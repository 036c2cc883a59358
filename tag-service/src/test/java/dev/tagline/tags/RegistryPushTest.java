package dev.tagline.tags;

import static dev.tagline.tags.TestData.REGISTRY;
import static dev.tagline.tags.TestData.digest;
import static dev.tagline.tags.TestData.imageStreamBody;
import static dev.tagline.tags.TestData.pushed;
import static dev.tagline.tags.TestData.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagUpdated;
import dev.tagline.events.TagChangeCause;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A registry push, as a {@code registry.tag.changed} on the real broker, moves the tags that follow it. */
@QuarkusTest
class RegistryPushTest {

    @Test
    void a_pushed_digest_appends_history_visible_over_rest_and_as_a_tag_updated_event() {
        String namespace = unique("team");
        String repository = unique("team-a") + "/app";
        createStream(namespace, "app", "v1", REGISTRY + "/" + repository + ":v1");
        String digest = digest();

        KafkaTestClients.publish(EventType.REGISTRY_TAG_CHANGED, KafkaTestClients.newEventId(),
                REGISTRY + "/" + repository + ":v1", pushed(repository, "v1", digest));

        awaitHistory(namespace, "app:v1", 1);
        given().get("/api/v1/namespaces/{ns}/imagestreamtags/app:v1", namespace).then()
                .statusCode(200)
                .body("image.digest", equalTo(digest))
                .body("image.dockerImageReference", equalTo(REGISTRY + "/" + repository + "@" + digest))
                .body("history[0].image", equalTo(digest))
                .body("history[0].cause", equalTo("push"));

        List<KafkaTestClients.Consumed> events = KafkaTestClients.tagEventsOf(namespace,
                EventType.IMAGESTREAM_TAG_UPDATED, 1);
        assertThat(events).hasSize(1);
        KafkaTestClients.Consumed event = events.get(0);
        assertThat(event.key()).isEqualTo(namespace + "/app:v1");
        assertThat(event.headers())
                .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                .containsEntry(CloudEventHeaders.SOURCE, "/tagline/tag-service")
                .containsEntry(CloudEventHeaders.SUBJECT, namespace + "/app:v1")
                .containsEntry(CloudEventHeaders.CONTENT_TYPE, "application/json")
                .containsKeys(CloudEventHeaders.ID, CloudEventHeaders.TIME);
        assertThat(EventSchemas.violations(EventType.IMAGESTREAM_TAG_UPDATED, event.value())).isEmpty();
        ImageStreamTagUpdated updated = EventJson.read(event.value(), ImageStreamTagUpdated.class);
        assertThat(updated.image().digest()).isEqualTo(digest);
        assertThat(updated.previous()).isNull();
        assertThat(updated.cause()).isEqualTo(TagChangeCause.PUSH);
    }

    @Test
    void the_same_event_redelivered_and_another_event_with_the_same_digest_add_nothing() {
        String namespace = unique("team");
        String repository = unique("team-a") + "/app";
        String source = REGISTRY + "/" + repository + ":v1";
        createStream(namespace, "app", "v1", source);
        String first = digest();
        String eventId = KafkaTestClients.newEventId();

        KafkaTestClients.publish(EventType.REGISTRY_TAG_CHANGED, eventId, source, pushed(repository, "v1", first));
        KafkaTestClients.publish(EventType.REGISTRY_TAG_CHANGED, eventId, source, pushed(repository, "v1", first));
        KafkaTestClients.publish(EventType.REGISTRY_TAG_CHANGED, KafkaTestClients.newEventId(), source,
                pushed(repository, "v1", first));
        String second = digest();
        KafkaTestClients.publish(EventType.REGISTRY_TAG_CHANGED, KafkaTestClients.newEventId(), source,
                pushed(repository, "v1", second));

        // The events of one tag are applied in order, so once the second digest shows, the duplicates were seen.
        awaitHistory(namespace, "app:v1", 2);
        given().get("/api/v1/namespaces/{ns}/imagestreamtags/app:v1", namespace).then()
                .body("history.image", contains(second, first));
        assertThat(KafkaTestClients.allTagEventsOf(namespace, EventType.IMAGESTREAM_TAG_UPDATED,
                Duration.ofSeconds(3))).hasSize(2);
    }

    @Test
    void two_tags_in_two_namespaces_following_one_source_both_move_and_an_unrelated_push_moves_nothing() {
        String teamA = unique("team-a");
        String teamB = unique("team-b");
        String repository = unique("shared") + "/base";
        String source = REGISTRY + "/" + repository + ":stable";
        createStream(teamA, "base", "stable", source);
        createStream(teamB, "runtime", "latest", source);
        String digest = digest();

        KafkaTestClients.publish(EventType.REGISTRY_TAG_CHANGED, KafkaTestClients.newEventId(),
                REGISTRY + "/" + repository + ":other", pushed(repository, "other", digest()));
        KafkaTestClients.publish(EventType.REGISTRY_TAG_CHANGED, KafkaTestClients.newEventId(), source,
                pushed(repository, "stable", digest));

        awaitHistory(teamA, "base:stable", 1);
        awaitHistory(teamB, "runtime:latest", 1);
        given().get("/api/v1/namespaces/{ns}/imagestreamtags/base:stable", teamA).then()
                .body("history.image", contains(digest));
        given().get("/api/v1/namespaces/{ns}/imagestreamtags/runtime:latest", teamB).then()
                .body("history.image", contains(digest));
    }

    @Test
    void an_image_that_is_no_longer_the_newest_is_found_by_digest() {
        String namespace = unique("team");
        String repository = unique("team-a") + "/app";
        String source = REGISTRY + "/" + repository + ":v1";
        createStream(namespace, "app", "v1", source);
        String old = digest();
        KafkaTestClients.publish(EventType.REGISTRY_TAG_CHANGED, KafkaTestClients.newEventId(), source,
                pushed(repository, "v1", old));
        KafkaTestClients.publish(EventType.REGISTRY_TAG_CHANGED, KafkaTestClients.newEventId(), source,
                pushed(repository, "v1", digest()));
        awaitHistory(namespace, "app:v1", 2);

        given().get("/api/v1/namespaces/{ns}/imagestreamimages/app@{digest}", namespace, old).then()
                .statusCode(200)
                .body("name", equalTo("app@" + old))
                .body("image.digest", equalTo(old))
                .body("image.mediaType", equalTo(TestData.OCI_MANIFEST))
                .body("tags", contains("v1"));
    }

    static void createStream(String namespace, String name, String tag, String source) {
        given().contentType(ContentType.JSON).body(imageStreamBody(name, tag, source))
                .post("/api/v1/namespaces/{ns}/imagestreams", namespace)
                .then().statusCode(201);
    }

    static void awaitHistory(String namespace, String streamTag, int items) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get("/api/v1/namespaces/{ns}/imagestreamtags/{istag}", namespace, streamTag)
                .then().statusCode(200).body("history", hasSize(items)));
    }
}
