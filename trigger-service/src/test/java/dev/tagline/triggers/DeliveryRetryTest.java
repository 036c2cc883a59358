package dev.tagline.triggers;

import static dev.tagline.triggers.TestData.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries to a real HTTP receiver that fails as told: retried with backoff (the test profile allows
 * three attempts and a two-second timeout), parked as failed, redelivered on request, attempted again after a
 * crash, and never sent to an address the allowlist refuses.
 */
@QuarkusTest
class DeliveryRetryTest {

    private final TriggersDatabase database = TriggersDatabase.ofApp();

    @Test
    void a_receiver_answering_500_twice_then_200_gets_three_attempts_and_one_success_is_recorded() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answerNext(500, 500);
            FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
            String secret = TestData.secret();
            TriggersApi.created(tag.namespace(), TriggersApi.deployTrigger("web", tag, receiver.url(), secret));

            tag.moveTo(digest());

            TriggerFiringTest.awaitDeliveries(tag.namespace(), "web", 1, "succeeded");
            TriggersApi.deliveries(tag.namespace(), "web")
                    .body("[0].attempts", equalTo(3))
                    .body("[0].lastStatusCode", equalTo(200))
                    .body("[0].lastError", nullValue());
            assertThat(receiver.received())
                    .hasSize(3)
                    .allMatch(request -> WebhookReceiver.signedWith(secret, request))
                    .extracting(WebhookReceiver.Received::webhookId)
                    .containsOnly(receiver.received().get(0).webhookId());
        }
    }

    @Test
    void a_receiver_that_never_answers_ends_as_failed_and_redelivery_succeeds_once_it_is_back() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.stopAnswering();
            FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
            TriggersApi.created(
                    tag.namespace(), TriggersApi.deployTrigger("web", tag, receiver.url(), TestData.secret()));

            tag.moveTo(digest());

            TriggerFiringTest.awaitDeliveries(tag.namespace(), "web", 1, "failed");
            long id = TriggersApi.deliveries(tag.namespace(), "web")
                    .body("[0].attempts", equalTo(3))
                    .body("[0].lastStatusCode", nullValue())
                    .body("[0].lastError", containsString("no answer"))
                    .body("[0].nextAttemptAt", nullValue())
                    .extract()
                    .jsonPath()
                    .getLong("[0].id");
            assertThat(receiver.received()).hasSize(3);

            receiver.answerAgain();
            TriggersApi.redeliver(tag.namespace(), "web", id)
                    .statusCode(202)
                    .body("status", equalTo("pending"))
                    .body("attempts", equalTo(0));

            TriggerFiringTest.awaitDeliveries(tag.namespace(), "web", 1, "succeeded");
            TriggersApi.deliveries(tag.namespace(), "web")
                    .body("[0].attempts", equalTo(1))
                    .body("[0].lastStatusCode", equalTo(200));
            assertThat(receiver.received())
                    .hasSize(4)
                    .extracting(WebhookReceiver.Received::webhookId)
                    .containsOnly(receiver.received().get(0).webhookId());
        }
    }

    @Test
    void an_attempt_cut_short_by_a_crash_is_made_again_once_its_lease_ends() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
            TriggersApi.created(
                    tag.namespace(), TriggersApi.deployTrigger("web", tag, receiver.url(), TestData.secret()));
            tag.moveTo(digest());
            TriggerFiringTest.awaitDeliveries(tag.namespace(), "web", 1, "succeeded");
            String webhookId = receiver.received().get(0).webhookId();

            // What a replica that claimed the delivery and died mid-attempt leaves behind: a lease, unfinished.
            database.execute(
                    "update triggers.deliveries set status = 'pending', delivered_at = null,"
                            + " next_attempt_at = last_attempt_at, claimed_until = now() + interval '2 seconds',"
                            + " claim_token = gen_random_uuid() where webhook_id = ?",
                    webhookId);

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> receiver.received().size() == 2);
            assertThat(receiver.received().get(1).webhookId()).isEqualTo(webhookId);
            TriggerFiringTest.awaitDeliveries(tag.namespace(), "web", 1, "succeeded");
            TriggersApi.deliveries(tag.namespace(), "web").body("[0].attempts", equalTo(2));
        }
    }

    @Test
    void a_webhook_whose_host_now_resolves_to_a_refused_address_is_never_called() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
            TriggersApi.created(
                    tag.namespace(), TriggersApi.deployTrigger("web", tag, receiver.url(), TestData.secret()));
            // As if the host's DNS record now pointed at a private address.
            database.execute(
                    "update triggers.triggers set webhook_url = 'http://10.255.255.1:9/hook',"
                            + " webhook_origin = 'http://10.255.255.1:9' where namespace = ?",
                    tag.namespace());

            tag.moveTo(digest());

            TriggerFiringTest.awaitDeliveries(tag.namespace(), "web", 1, "failed");
            TriggersApi.deliveries(tag.namespace(), "web")
                    .body("[0].attempts", equalTo(3))
                    .body("[0].lastError", containsString("does not allow"));
            assertThat(receiver.received()).isEmpty();
        }
    }
}
