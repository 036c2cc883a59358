package dev.tagline.triggers;

import static dev.tagline.triggers.TestData.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.tagline.testkit.KafkaTestClients;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the dispatcher uses a subscriber's slots and records outcomes; talks to a real Kafka broker, Postgres and HTTP
 * receiver, with one attempt at a time per subscriber, so that every delivery waits for the slot of the one before.
 */
@QuarkusTest
@TestProfile(DispatcherTest.OneSlotPerSubscriber.class)
class DispatcherTest {

    /** One attempt in flight per subscriber. */
    public static class OneSlotPerSubscriber implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tagline.triggers.delivery.max-in-flight-per-subscriber", "1");
        }
    }

    private final TriggersDatabase database = TriggersDatabase.ofApp();

    @Test
    void a_subscribers_slot_is_freed_when_its_answer_arrives_not_when_the_outcome_is_recorded() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.stopAnswering();
            FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
            TriggersApi.created(
                    tag.namespace(), TriggersApi.deployTrigger("web", tag, receiver.url(), TestData.secret()));
            KafkaTestClients.publishBurst(List.of(tag.move(digest()), tag.move(digest())));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.unanswered() == 1);
            String first = receiver.received().get(0).webhookId();

            try (TriggersDatabase.RowLock recordingWaits = database.lockDelivery(first)) {
                receiver.answerAgain();

                // The second delivery got the only slot while the first one's outcome could not be recorded yet.
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> receiver.received().size() == 2);
                TriggersApi.deliveries(tag.namespace(), "web")
                        .body("webhookId", contains(receiver.received().get(1).webhookId(), first))
                        .body("[1].status", equalTo("pending"));
            }

            TriggerFiringTest.awaitDeliveries(tag.namespace(), "web", 2, "succeeded");
            TriggersApi.deliveries(tag.namespace(), "web").body("attempts", contains(1, 1));
        }
    }

    @Test
    void deliveries_to_one_subscriber_go_out_in_order_and_a_burst_of_outcomes_is_recorded_in_full() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
            TriggersApi.created(
                    tag.namespace(), TriggersApi.deployTrigger("web", tag, receiver.url(), TestData.secret()));
            List<KafkaTestClients.Outgoing> moves = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                moves.add(tag.move(digest()));
            }

            KafkaTestClients.publishBurst(moves);

            TriggerFiringTest.awaitDeliveries(tag.namespace(), "web", 20, "succeeded");
            List<String> newestFirst = TriggersApi.deliveries(tag.namespace(), "web")
                    .extract()
                    .jsonPath()
                    .getList("webhookId", String.class);
            List<String> oldestFirst = new ArrayList<>(newestFirst);
            Collections.reverse(oldestFirst);
            assertThat(receiver.received())
                    .extracting(WebhookReceiver.Received::webhookId)
                    .containsExactlyElementsOf(oldestFirst);
            TriggersApi.deliveries(tag.namespace(), "web").body("attempts.sum()", equalTo(20));
        }
    }

    @Test
    void a_failed_attempt_is_recorded_and_made_again_after_its_backoff() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answerNext(500);
            FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
            TriggersApi.created(
                    tag.namespace(), TriggersApi.deployTrigger("web", tag, receiver.url(), TestData.secret()));

            tag.moveTo(digest());

            TriggerFiringTest.awaitDeliveries(tag.namespace(), "web", 1, "succeeded");
            TriggersApi.deliveries(tag.namespace(), "web")
                    .body("[0].attempts", equalTo(2))
                    .body("[0].lastStatusCode", equalTo(200));
            assertThat(receiver.received())
                    .hasSize(2)
                    .extracting(WebhookReceiver.Received::webhookId)
                    .containsOnly(receiver.received().get(0).webhookId());
        }
    }
}
