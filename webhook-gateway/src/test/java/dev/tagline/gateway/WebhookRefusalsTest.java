package dev.tagline.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.tagline.testkit.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Unknown sources, oversized bodies, wrong content types and invalid payloads get the right 4xx with a JSON error
 * naming the field, and nothing about the repository they name reaches Kafka.
 */
@QuarkusTest
@TestProfile(TestSources.class)
class WebhookRefusalsTest {

    private static final String DISTRIBUTION = "application/vnd.docker.distribution.events.v1+json";
    private static final Map<String, String> AUTHORIZED =
            Map.of("Authorization", "Bearer " + TestSources.REGISTRY_TOKEN);
    private static final String FIRST = "sha256:70161e4c35f02887cde241068a70a5a1e814b4577b1f0a29e6bc1334405bbc2a";

    @Test
    void an_unknown_source_is_a_json_404() {
        String repository = Fixtures.unique("refuse") + "/app";

        WebhookAuthenticationTest.post(
                        "nobody", WebhookAuthenticationTest.distributionPush(repository), DISTRIBUTION, AUTHORIZED)
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("field", equalTo("source"))
                .body("error", notNullValue());
        Published.nothingAbout(repository);
    }

    @Test
    void a_body_declared_larger_than_the_limit_is_refused_before_it_is_read() throws IOException {
        String repository = Fixtures.unique("refuse") + "/app";
        byte[] head = WebhookAuthenticationTest.distributionPush(repository);

        String response = RawHttp.exchange(
                RestAssured.port,
                "POST /webhooks/registry HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + DISTRIBUTION
                        + "\r\nAuthorization: Bearer " + TestSources.REGISTRY_TOKEN + "\r\nContent-Length: "
                        + 5 * 1024 * 1024
                        + "\r\n\r\n",
                head);

        assertThat(response)
                .startsWith("HTTP/1.1 413")
                .contains("application/json")
                .contains("\"field\":\"body\"");
        Published.nothingAbout(repository);
    }

    @Test
    void a_body_without_a_declared_length_that_grows_past_the_limit_is_refused() throws IOException {
        String repository = Fixtures.unique("refuse") + "/app";
        byte[] push = WebhookAuthenticationTest.distributionPush(repository);
        // A valid envelope padded with whitespace, sent in chunks, to over a mebibyte.
        byte[] padding = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        StringBuilder chunks = new StringBuilder();
        chunks.append(Integer.toHexString(push.length))
                .append("\r\n")
                .append(new String(push, StandardCharsets.UTF_8))
                .append("\r\n");
        for (int i = 0; i < 20; i++) {
            chunks.append(Integer.toHexString(padding.length))
                    .append("\r\n")
                    .append(new String(padding, StandardCharsets.US_ASCII))
                    .append("\r\n");
        }
        chunks.append("0\r\n\r\n");

        String response = RawHttp.exchange(
                RestAssured.port,
                "POST /webhooks/registry HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + DISTRIBUTION
                        + "\r\nAuthorization: Bearer " + TestSources.REGISTRY_TOKEN
                        + "\r\nTransfer-Encoding: chunked\r\n\r\n",
                chunks.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(response).startsWith("HTTP/1.1 413");
        Published.nothingAbout(repository);
    }

    @Test
    void a_content_type_the_format_does_not_send_is_a_json_415() {
        String repository = Fixtures.unique("refuse") + "/app";

        WebhookAuthenticationTest.post(
                        "registry", WebhookAuthenticationTest.distributionPush(repository), "text/plain", AUTHORIZED)
                .statusCode(415)
                .contentType(ContentType.JSON)
                .body("field", equalTo("Content-Type"));
        Published.nothingAbout(repository);
    }

    @Test
    void a_truncated_body_is_a_json_400_naming_the_body_and_publishes_nothing() {
        String repository = Fixtures.unique("refuse") + "/app";
        String push = new String(WebhookAuthenticationTest.distributionPush(repository), StandardCharsets.UTF_8);
        byte[] truncated = push.substring(0, push.length() / 2).getBytes(StandardCharsets.UTF_8);

        WebhookAuthenticationTest.post("registry", truncated, DISTRIBUTION, AUTHORIZED)
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("field", equalTo("body"));
        Published.nothingAbout(repository);
    }

    @Test
    void a_bad_digest_is_a_400_naming_its_field_and_publishes_nothing() {
        String repository = Fixtures.unique("refuse") + "/app";
        String body = new String(WebhookAuthenticationTest.distributionPush(repository), StandardCharsets.UTF_8)
                .replace(FIRST, "sha256:not-hex");

        WebhookAuthenticationTest.post("registry", body.getBytes(StandardCharsets.UTF_8), DISTRIBUTION, AUTHORIZED)
                .statusCode(400)
                .body("field", equalTo("events[0].target.digest"));
        Published.nothingAbout(repository);
    }

    @Test
    void one_invalid_event_keeps_the_valid_events_of_the_same_request_from_being_published() {
        String valid = Fixtures.unique("refuse") + "/app";
        String push = eventOf(WebhookAuthenticationTest.distributionPush(valid));
        String badReference = eventOf(WebhookAuthenticationTest.distributionPush(Fixtures.unique("refuse") + "/App"));
        byte[] body = ("{\"events\":[" + push + "," + badReference + "]}").getBytes(StandardCharsets.UTF_8);

        WebhookAuthenticationTest.post("registry", body, DISTRIBUTION, AUTHORIZED)
                .statusCode(400)
                .body("field", equalTo("events[1].target.repository"));
        Published.nothingAbout(valid);
    }

    @Test
    void only_post_is_served_and_other_methods_get_json_errors() {
        given().get("/webhooks/registry").then().statusCode(405).contentType(ContentType.JSON);
    }

    @Test
    void notifications_that_concern_no_tag_are_accepted_and_publish_nothing() {
        String repository = Fixtures.unique("refuse") + "/app";

        WebhookAuthenticationTest.post(
                        "registry",
                        Fixtures.renamed("distribution/pull-manifest.json", "team-a/app", repository),
                        DISTRIBUTION,
                        AUTHORIZED)
                .statusCode(202)
                .body("accepted", equalTo(0))
                .body("ignored", equalTo(1));
        Published.nothingAbout(repository);
    }

    private static String eventOf(byte[] envelope) {
        String text = new String(envelope, StandardCharsets.UTF_8);
        return text.substring(text.indexOf('[') + 1, text.lastIndexOf(']')).trim();
    }
}
