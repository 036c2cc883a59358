package dev.tagline.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.tagline.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Bearer and Basic tokens, GitHub signatures and Standard Webhooks signatures against the running gateway and a
 * real Kafka broker: a request that does not prove its sender gets 401 and nothing is published.
 */
@QuarkusTest
@TestProfile(TestSources.class)
class WebhookAuthenticationTest {

    private static final String DISTRIBUTION = "application/vnd.docker.distribution.events.v1+json";

    @Test
    void a_wrong_bearer_token_is_refused_with_a_challenge_and_publishes_nothing() {
        String repository = Fixtures.unique("auth") + "/app";

        post("registry", distributionPush(repository), DISTRIBUTION, Map.of("Authorization", "Bearer not-the-token"))
                .statusCode(401)
                .header("WWW-Authenticate", notNullValue())
                .body("field", equalTo("Authorization"));
        post("registry", distributionPush(repository), DISTRIBUTION, Map.of())
                .statusCode(401)
                .body("field", equalTo("Authorization"));
        Published.nothingAbout(repository);
    }

    @Test
    void the_right_bearer_token_publishes() {
        String repository = Fixtures.unique("auth") + "/app";

        post(
                        "registry",
                        distributionPush(repository),
                        DISTRIBUTION,
                        Map.of("Authorization", "Bearer " + TestSources.REGISTRY_TOKEN))
                .statusCode(202)
                .body("accepted", equalTo(1));
        assertThat(Published.about(Topics.REGISTRY_TAG_EVENTS, repository, 1)).hasSize(1);
    }

    @Test
    void wrong_basic_credentials_are_refused_and_the_right_ones_publish() {
        String refused = Fixtures.unique("auth") + "/app";
        String accepted = Fixtures.unique("auth") + "/app";

        post("basic", distributionPush(refused), DISTRIBUTION, Map.of("Authorization", basic("pusher:wrong")))
                .statusCode(401)
                .header("WWW-Authenticate", notNullValue());
        post(
                        "basic",
                        distributionPush(accepted),
                        DISTRIBUTION,
                        Map.of("Authorization", basic(TestSources.BASIC_CREDENTIALS)))
                .statusCode(202);
        Published.nothingAbout(refused);
        assertThat(Published.about(Topics.REGISTRY_TAG_EVENTS, accepted, 1)).hasSize(1);
    }

    @Test
    void a_token_in_the_query_is_accepted_from_senders_that_cannot_set_headers() {
        String repository = Fixtures.unique("auth") + "/worker";
        byte[] push = Fixtures.renamed("dockerhub/push.json", "acmecorp/worker", repository);

        given().contentType("application/json")
                .body(push)
                .post("/webhooks/hub?token={token}", "wrong")
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .body(push)
                .post("/webhooks/hub?token={token}", TestSources.TOKEN)
                .then()
                .statusCode(202);
        assertThat(Published.about(Topics.IMPORT_REQUESTS, repository, 1)).hasSize(1);
    }

    @Test
    void a_github_webhook_with_a_bad_signature_is_refused_and_publishes_nothing() throws Exception {
        String repository = Fixtures.unique("auth");
        byte[] body = Fixtures.renamed("github/package-published.json", "checkout-service", repository);
        byte[] otherBody = Fixtures.renamed("github/package-published-moved.json", "checkout-service", repository);
        Map<String, String> headers = Map.of(
                "X-GitHub-Event",
                "package",
                "X-GitHub-Delivery",
                Fixtures.unique("d"),
                "X-Hub-Signature-256",
                githubSignature(otherBody));

        post("github", body, "application/json", headers).statusCode(401).body("field", equalTo("X-Hub-Signature-256"));
        Published.nothingAbout(repository);
    }

    @Test
    void a_github_webhook_signed_over_its_exact_body_publishes() throws Exception {
        String repository = Fixtures.unique("auth");
        byte[] body = Fixtures.renamed("github/package-published.json", "checkout-service", repository);

        post(
                        "github",
                        body,
                        "application/json",
                        Map.of(
                                "X-GitHub-Event",
                                "package",
                                "X-GitHub-Delivery",
                                Fixtures.unique("d"),
                                "X-Hub-Signature-256",
                                githubSignature(body)))
                .statusCode(202)
                .body("accepted", equalTo(1));
        assertThat(Published.about(Topics.REGISTRY_TAG_EVENTS, repository, 1)).hasSize(1);
    }

    @Test
    void a_standard_webhooks_signature_with_a_stale_timestamp_is_refused_and_publishes_nothing() throws Exception {
        String repository = Fixtures.unique("auth") + "/frontend";
        byte[] body = Fixtures.renamed("cloudevents/structured-push.json", "web/frontend", repository);
        long stale = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();

        post("events", body, "application/cloudevents+json", standardWebhooks("msg-1", stale, body))
                .statusCode(401)
                .body("field", equalTo("webhook-timestamp"));
        Published.nothingAbout(repository);
    }

    @Test
    void a_fresh_standard_webhooks_signature_publishes() throws Exception {
        String repository = Fixtures.unique("auth") + "/frontend";
        byte[] body = Fixtures.renamed("cloudevents/structured-push.json", "web/frontend", repository);

        post(
                        "events",
                        body,
                        "application/cloudevents+json",
                        standardWebhooks("msg-2", Instant.now().getEpochSecond(), body))
                .statusCode(202);
        assertThat(Published.about(Topics.REGISTRY_TAG_EVENTS, repository, 1)).hasSize(1);
    }

    @Test
    void the_challenge_offers_bearer_and_basic() {
        List<String> challenges = given().contentType(DISTRIBUTION)
                .body(distributionPush(Fixtures.unique("auth") + "/app"))
                .post("/webhooks/registry")
                .then()
                .statusCode(401)
                .extract()
                .headers()
                .getValues("WWW-Authenticate");

        assertThat(challenges)
                .hasSize(2)
                .anyMatch(challenge -> challenge.startsWith("Bearer realm="))
                .anyMatch(challenge -> challenge.startsWith("Basic realm="));
    }

    static byte[] distributionPush(String repository) {
        return Fixtures.renamed("distribution/push-manifest.json", "team-a/app", repository);
    }

    static ValidatableResponse post(String source, byte[] body, String contentType, Map<String, String> headers) {
        return given().contentType(contentType)
                .headers(headers)
                .body(body)
                .post("/webhooks/{source}", source)
                .then();
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String githubSignature(byte[] body) throws Exception {
        return "sha256="
                + HexFormat.of().formatHex(hmac(TestSources.GITHUB_SECRET.getBytes(StandardCharsets.UTF_8), body));
    }

    private static Map<String, String> standardWebhooks(String id, long timestamp, byte[] body) throws Exception {
        byte[] signed = (id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        return Map.of(
                "webhook-id",
                id,
                "webhook-timestamp",
                String.valueOf(timestamp),
                "webhook-signature",
                "v1," + Base64.getEncoder().encodeToString(hmac(TestSources.EVENTS_KEY, signed)));
    }

    private static byte[] hmac(byte[] key, byte[] content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(content);
    }
}
