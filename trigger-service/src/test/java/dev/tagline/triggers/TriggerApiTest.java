package dev.tagline.triggers;

import static dev.tagline.triggers.AsClusterAdmin.given;
import static dev.tagline.triggers.TestData.digest;
import static dev.tagline.triggers.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.tagline.events.EventJson;
import dev.tagline.events.TriggerActionRequested;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Triggers are created, read, listed, replaced and deleted over REST; the webhook secret is never shown. */
@QuarkusTest
class TriggerApiTest {

    @Test
    void a_trigger_is_created_read_listed_replaced_and_deleted_and_its_secret_never_shown() {
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        String namespace = unique("team");
        String secret = TestData.secret();
        Map<String, Object> web = TriggersApi.deployTrigger("web", tag, "http://127.0.0.1:9/hooks", secret);

        String created = TriggersApi.create(namespace, web)
                .statusCode(201)
                .header("Location", endsWith("/api/v1/namespaces/" + namespace + "/triggers/web"))
                .body("namespace", equalTo(namespace))
                .body("name", equalTo("web"))
                .body("kind", equalTo("deploy"))
                .body("from.kind", equalTo("ImageStreamTag"))
                .body("from.namespace", equalTo(tag.namespace()))
                .body("from.name", equalTo("app:prod"))
                .body("params.deployment", equalTo("web"))
                .body("webhook.url", equalTo("http://127.0.0.1:9/hooks"))
                .body("paused", equalTo(false))
                .body("lastTriggeredImage", nullValue())
                .extract()
                .asString();
        assertThat(created).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()));

        TriggersApi.created(namespace, TriggersApi.deployTrigger("api", tag, null, null));
        String listed = given().get("/api/v1/namespaces/{ns}/triggers", namespace)
                .then()
                .statusCode(200)
                .body("name", contains("api", "web"))
                .body("[0]", not(hasKey("recentDeliveries")))
                .extract()
                .asString();
        assertThat(listed).doesNotContain(secret.substring("whsec_".length()));

        Map<String, Object> changed = new LinkedHashMap<>(web);
        changed.put("kind", "build");
        changed.put("params", Map.of("buildConfig", "web"));
        changed.put("webhook", null);
        TriggersApi.replace(namespace, "web", changed)
                .statusCode(200)
                .body("kind", equalTo("build"))
                .body("params.buildConfig", equalTo("web"))
                .body("webhook", nullValue());
        TriggersApi.get(namespace, "web").statusCode(200).body("kind", equalTo("build"));

        given().delete("/api/v1/namespaces/{ns}/triggers/web", namespace).then().statusCode(204);
        TriggersApi.get(namespace, "web").statusCode(404);
    }

    @Test
    void a_replacement_applies_to_the_next_action_and_keeps_the_secret_it_leaves_out() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
            String secret = TestData.secret();
            Map<String, Object> web = TriggersApi.deployTrigger("web", tag, receiver.url(), secret);
            TriggersApi.created(tag.namespace(), web);
            Map<String, Object> changed = new LinkedHashMap<>(TriggersApi.paused(web, false));
            changed.put("params", Map.of("deployment", "web-canary"));
            TriggersApi.replace(tag.namespace(), "web", changed).statusCode(200);

            tag.moveTo(digest());

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> receiver.received().size() == 1);
            WebhookReceiver.Received request = receiver.received().get(0);
            assertThat(WebhookReceiver.signedWith(secret, request)).isTrue();
            TriggerActionRequested action = EventJson.read(
                    EventJson.mapper().readTree(request.body()).get("data").toString(), TriggerActionRequested.class);
            assertThat(action.params()).isEqualTo(Map.of("deployment", "web-canary"));
        }
    }

    @Test
    void a_new_from_starts_over_from_that_tags_current_image() {
        FollowedImageStreamTag first = FollowedImageStreamTag.fresh();
        FollowedImageStreamTag second = FollowedImageStreamTag.fresh();
        String current = digest();
        second.moveTo(current);
        TriggerFiringTest.awaitCurrentImage(second, current);
        TriggersApi.created(first.namespace(), TriggersApi.deployTrigger("web", first, null, null));

        TriggersApi.replace(first.namespace(), "web", TriggersApi.deployTrigger("web", second, null, null))
                .statusCode(200)
                .body("from.namespace", equalTo(second.namespace()))
                .body("currentImage.digest", equalTo(current))
                .body("lastTriggeredImage", nullValue());
    }
}
