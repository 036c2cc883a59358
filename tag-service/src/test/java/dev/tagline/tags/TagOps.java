package dev.tagline.tags;

import static dev.tagline.tags.Api.given;
import static dev.tagline.tags.TestData.REGISTRY;
import static dev.tagline.tags.TestData.digest;
import static dev.tagline.tags.TestData.unique;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.Topics;
import dev.tagline.testkit.KafkaTestClients;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;

/** Tag operations over REST as a client calls them, and the events of one tag as a consumer reads them. */
final class TagOps {

    private TagOps() {}

    static ValidatableResponse tag(String namespace, String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/namespaces/{ns}/imagestreamtags", namespace)
                .then();
    }

    static ValidatableResponse rollback(String namespace, String streamTag, String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/namespaces/{ns}/imagestreamtags/{istag}/rollback", namespace, streamTag)
                .then();
    }

    static ValidatableResponse release(String namespace, String streamTag) {
        return given().post("/api/v1/namespaces/{ns}/imagestreamtags/{istag}/release", namespace, streamTag)
                .then();
    }

    static ValidatableResponse get(String namespace, String streamTag) {
        return given().get("/api/v1/namespaces/{ns}/imagestreamtags/{istag}", namespace, streamTag)
                .then();
    }

    /** A tag operation body with the source's kind and name, and further JSON members such as {@code "alias":true}. */
    static String body(String kind, String name, String to, String more) {
        return """
                {"from":{"kind":"%s","name":"%s"},"to":[%s]%s}""".formatted(kind, name, to, more.isEmpty() ? "" : "," + more);
    }

    /**
     * Points a new tag at a fresh image at once, with a reference tag to a digest: no broker round trip.
     *
     * @return the digest
     */
    static String pointAtNewImage(String namespace, String streamTag) {
        String digest = digest();
        tag(
                        namespace,
                        body(
                                "DockerImage",
                                REGISTRY + "/" + unique("vendor") + "/app@" + digest,
                                "\"" + streamTag + "\"",
                                "\"reference\":true"))
                .statusCode(200);
        return digest;
    }

    /** Reads the events of one type about one tag, {@code namespace/stream:tag}, as a consumer would. */
    static List<KafkaTestClients.Consumed> eventsOf(String key, EventType type, int atLeast) {
        return KafkaTestClients.read(
                Topics.IMAGESTREAM_TAG_EVENTS,
                event -> key.equals(event.key())
                        && type.type().equals(event.headers().get(CloudEventHeaders.TYPE)),
                atLeast,
                Duration.ofSeconds(1),
                Duration.ofSeconds(20));
    }

    static <T> List<T> dataOf(String key, EventType type, int atLeast, Class<T> data) {
        return eventsOf(key, type, atLeast).stream()
                .map(event -> EventJson.read(event.value(), data))
                .toList();
    }
}
