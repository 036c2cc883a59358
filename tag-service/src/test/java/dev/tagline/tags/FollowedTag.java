package dev.tagline.tags;

import static dev.tagline.tags.Api.given;
import static dev.tagline.tags.TestData.REGISTRY;
import static dev.tagline.tags.TestData.pushed;
import static dev.tagline.tags.TestData.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import dev.tagline.events.EventType;
import dev.tagline.testkit.KafkaTestClients;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;

/**
 * The usual fixture: a fresh namespace with stream {@code app} whose tag {@code v1} follows a fresh registry
 * repository's {@code v1}, created over REST.
 */
record FollowedTag(String namespace, String repository) {

    static FollowedTag create() {
        FollowedTag followed = new FollowedTag(unique("team"), unique("team-a") + "/app");
        createStream(followed.namespace(), "app", "v1", followed.source());
        return followed;
    }

    /** The registry tag the stream tag follows. */
    String source() {
        return REGISTRY + "/" + repository + ":v1";
    }

    /** Publishes a push of the digest to the source, as a new observation. */
    void push(String digest) {
        push(KafkaTestClients.newEventId(), digest);
    }

    void push(String eventId, String digest) {
        KafkaTestClients.publish(EventType.REGISTRY_TAG_CHANGED, eventId, source(), pushed(repository, "v1", digest));
    }

    ValidatableResponse tag() {
        return given().get("/api/v1/namespaces/{ns}/imagestreamtags/app:v1", namespace)
                .then();
    }

    void awaitHistory(int items) {
        awaitHistory(namespace, "app:v1", items);
    }

    /** Waits for the consumer, which applies events asynchronously, to have written that many items. */
    static void awaitHistory(String namespace, String streamTag, int items) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> given().get("/api/v1/namespaces/{ns}/imagestreamtags/{istag}", namespace, streamTag)
                                .then()
                                .statusCode(200)
                                .body("history", hasSize(items)));
    }

    static void createStream(String namespace, String name, String tag, String source) {
        given().contentType(ContentType.JSON)
                .body(TestData.imageStreamBody(name, tag, source))
                .post("/api/v1/namespaces/{ns}/imagestreams", namespace)
                .then()
                .statusCode(201);
    }
}
