package dev.tagline.triggers;

import static dev.tagline.triggers.AsClusterAdmin.given;
import static dev.tagline.triggers.TestData.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagUpdated;
import dev.tagline.events.TriggerActionRequested;
import dev.tagline.testkit.EventSchemas;
import dev.tagline.testkit.KafkaTestClients;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code tag.updated} on the real broker fires the triggers that follow the tag: once on
 * {@code trigger-actions}, read by a plain consumer, and once to a webhook receiver that checks the signature.
 */
@QuarkusTest
class TriggerFiringTest {

    private final TriggersDatabase database = TriggersDatabase.ofApp();

    @Test
    void a_tag_update_sends_one_action_to_trigger_actions_and_one_signed_webhook_delivery() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
            String secret = TestData.secret();
            TriggersApi.created(tag.namespace(), TriggersApi.deployTrigger("web", tag, receiver.url(), secret));
            String digest = digest();

            tag.moveTo(digest);

            List<KafkaTestClients.Consumed> actions = TriggerActions.of(tag.namespace(), 1);
            assertThat(actions).hasSize(1);
            KafkaTestClients.Consumed action = actions.get(0);
            assertThat(action.key()).isEqualTo(tag.namespace() + "/web");
            assertThat(action.headers())
                    .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                    .containsEntry(CloudEventHeaders.TYPE, EventType.TRIGGER_DEPLOY_REQUESTED.type())
                    .containsEntry(CloudEventHeaders.SOURCE, "/tagline/trigger-service")
                    .containsEntry(CloudEventHeaders.SUBJECT, tag.namespace() + "/web")
                    .containsEntry(CloudEventHeaders.CONTENT_TYPE, "application/json")
                    .containsKeys(CloudEventHeaders.ID, CloudEventHeaders.TIME);
            assertThat(EventSchemas.violations(EventType.TRIGGER_DEPLOY_REQUESTED, action.value()))
                    .isEmpty();
            TriggerActionRequested requested = EventJson.read(action.value(), TriggerActionRequested.class);
            assertThat(requested.trigger())
                    .isEqualTo(new TriggerActionRequested.Trigger(
                            tag.namespace(), "web", TriggerActionRequested.Kind.DEPLOY));
            assertThat(requested.params()).containsEntry("deployment", "web");
            assertThat(requested.image().digest()).isEqualTo(digest);
            assertThat(requested.image().dockerImageReference())
                    .isEqualTo(TestData.reference(tag.namespace(), "app", digest));
            assertThat(requested.from())
                    .isEqualTo(new TriggerActionRequested.Source(tag.namespace(), "app", "prod", 1));
            assertThat(requested.idempotencyKey()).isEqualTo(action.headers().get(CloudEventHeaders.ID));

            awaitDeliveries(tag.namespace(), "web", 1, "succeeded");
            assertThat(receiver.received()).hasSize(1);
            WebhookReceiver.Received request = receiver.received().get(0);
            assertThat(WebhookReceiver.signedWith(secret, request)).isTrue();
            assertThat(WebhookReceiver.signedWith(TestData.secret(), request)).isFalse();
            assertThat(request.headers()).containsEntry("content-type", "application/cloudevents+json");
            assertThat(request.webhookId()).isEqualTo(requested.idempotencyKey());
            JsonNode event = EventJson.mapper().readTree(request.body());
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("id").asText()).isEqualTo(requested.idempotencyKey());
            assertThat(event.get("type").asText()).isEqualTo(EventType.TRIGGER_DEPLOY_REQUESTED.type());
            assertThat(event.get("source").asText()).isEqualTo("/tagline/trigger-service");
            assertThat(event.get("subject").asText()).isEqualTo(tag.namespace() + "/web");
            assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(EventJson.read(event.get("data").toString(), TriggerActionRequested.class))
                    .isEqualTo(requested);

            TriggersApi.get(tag.namespace(), "web")
                    .statusCode(200)
                    .body("lastTriggeredImage.digest", equalTo(digest))
                    .body("currentImage.digest", equalTo(digest))
                    .body("recentDeliveries", hasSize(1))
                    .body("recentDeliveries[0].attempts", equalTo(1))
                    .body("recentDeliveries[0].lastStatusCode", equalTo(200))
                    .body("recentDeliveries[0].webhookId", equalTo(requested.idempotencyKey()));
        }
    }

    @Test
    void the_same_event_redelivered_and_another_event_with_the_same_digest_fire_nothing_more() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
            TriggersApi.created(
                    tag.namespace(), TriggersApi.deployTrigger("web", tag, receiver.url(), TestData.secret()));
            String digest = digest();
            String eventId = KafkaTestClients.newEventId();
            ImageStreamTagUpdated update = tag.update(digest);

            tag.publish(eventId, update);
            tag.publish(eventId, update);
            tag.moveTo(digest);
            // One tag's events are applied in order, so once the marker fired, the two before it were seen.
            String marker = digest();
            tag.moveTo(marker);

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> database.firedDigests(tag.namespace(), "web").contains(marker));
            assertThat(database.firedDigests(tag.namespace(), "web")).containsExactly(digest, marker);
            assertThat(TriggerActions.of(tag.namespace(), 2)).hasSize(2);
            awaitDeliveries(tag.namespace(), "web", 2, "succeeded");
            assertThat(receiver.received())
                    .extracting(WebhookReceiver.Received::webhookId)
                    .doesNotHaveDuplicates()
                    .hasSize(2);
        }
    }

    @Test
    void a_build_trigger_may_follow_a_tag_of_another_namespace_and_needs_no_webhook() {
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        String ci = TestData.unique("ci");
        TriggersApi.created(
                ci,
                Map.of(
                        "name",
                        "builder",
                        "kind",
                        "build",
                        "from",
                        Map.of("kind", "ImageStreamTag", "namespace", tag.namespace(), "name", tag.name()),
                        "params",
                        Map.of("buildConfig", "app-runtime")));
        String digest = digest();

        tag.moveTo(digest);

        List<KafkaTestClients.Consumed> actions = TriggerActions.of(ci, 1);
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).key()).isEqualTo(ci + "/builder");
        assertThat(actions.get(0).headers())
                .containsEntry(CloudEventHeaders.TYPE, EventType.TRIGGER_BUILD_REQUESTED.type());
        assertThat(EventSchemas.violations(
                        EventType.TRIGGER_BUILD_REQUESTED, actions.get(0).value()))
                .isEmpty();
        TriggerActionRequested requested = EventJson.read(actions.get(0).value(), TriggerActionRequested.class);
        assertThat(requested.from().namespace()).isEqualTo(tag.namespace());
        assertThat(requested.params()).containsEntry("buildConfig", "app-runtime");
        TriggersApi.deliveries(ci, "builder")
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("", hasSize(0));
    }

    @Test
    void a_new_trigger_waits_for_the_next_image_unless_asked_to_fire_for_the_current_one() {
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        String current = digest();
        tag.moveTo(current);
        awaitCurrentImage(tag, current);

        TriggersApi.created(tag.namespace(), TriggersApi.deployTrigger("waits", tag, null, null));
        Map<String, Object> eager = new HashMap<>(TriggersApi.deployTrigger("eager", tag, null, null));
        eager.put("fireForCurrentImage", true);
        TriggersApi.created(tag.namespace(), eager);

        assertThat(database.firedDigests(tag.namespace(), "waits")).isEmpty();
        assertThat(database.firedDigests(tag.namespace(), "eager")).containsExactly(current);
        TriggersApi.get(tag.namespace(), "waits")
                .body("lastTriggeredImage", nullValue())
                .body("currentImage.digest", equalTo(current));

        String next = digest();
        tag.moveTo(next);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> database.firedDigests(tag.namespace(), "waits").contains(next));
        assertThat(database.firedDigests(tag.namespace(), "eager")).containsExactly(current, next);
    }

    @Test
    void a_tag_rolled_back_to_an_earlier_image_fires_again_with_a_new_key() {
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        TriggersApi.created(tag.namespace(), TriggersApi.deployTrigger("web", tag, null, null));
        String image1 = digest();
        String image2 = digest();

        tag.moveTo(image1);
        tag.moveTo(image2);
        tag.moveTo(image1);

        List<TriggerActionRequested> actions = TriggerActions.of(tag.namespace(), 3).stream()
                .map(action -> EventJson.read(action.value(), TriggerActionRequested.class))
                .toList();
        assertThat(actions).extracting(action -> action.image().digest()).containsExactly(image1, image2, image1);
        assertThat(actions).extracting(action -> action.from().generation()).containsExactly(1L, 2L, 3L);
        assertThat(actions).extracting(TriggerActionRequested::idempotencyKey).doesNotHaveDuplicates();
        TriggersApi.get(tag.namespace(), "web").statusCode(200).body("lastTriggeredImage.digest", equalTo(image1));
    }

    @Test
    void moves_replayed_under_new_event_ids_fire_nothing_again() {
        // As when the topic is replayed from further back than the applied-event log remembers: every move that
        // fired already finds its idempotency key spent.
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        TriggersApi.created(tag.namespace(), TriggersApi.deployTrigger("web", tag, null, null));
        ImageStreamTagUpdated first = tag.update(digest());
        ImageStreamTagUpdated second = tag.update(digest());
        tag.publish(KafkaTestClients.newEventId(), first);
        tag.publish(KafkaTestClients.newEventId(), second);

        tag.publish(KafkaTestClients.newEventId(), first);
        tag.publish(KafkaTestClients.newEventId(), second);
        String marker = digest();
        tag.moveTo(marker);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> database.firedDigests(tag.namespace(), "web").contains(marker));
        assertThat(database.firedDigests(tag.namespace(), "web"))
                .containsExactly(first.image().digest(), second.image().digest(), marker);
        assertThat(TriggerActions.of(tag.namespace(), 3)).hasSize(3);
    }

    static void awaitDeliveries(String namespace, String trigger, int count, String status) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> TriggersApi.deliveries(namespace, trigger)
                        .statusCode(200)
                        .body("", hasSize(count))
                        .body("status", everyItem(equalTo(status))));
    }

    /** Waits until the service has applied the tag's move, as the impact preview shows it. */
    static void awaitCurrentImage(FollowedImageStreamTag tag, String digest) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().get(
                                "/api/v1/namespaces/{ns}/imagestreamtags/{name}/triggers", tag.namespace(), tag.name())
                        .then()
                        .statusCode(200)
                        .body("currentImage.digest", equalTo(digest)));
    }
}
