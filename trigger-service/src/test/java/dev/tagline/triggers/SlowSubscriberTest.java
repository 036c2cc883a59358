package dev.tagline.triggers;

import static dev.tagline.triggers.TestData.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A subscriber that never answers holds only its own delivery slots: another trigger's delivery goes out while
 * the slow one's attempts are still open. The attempt timeout here is far longer than the test, so every slow
 * attempt is still in flight when the fast delivery is checked.
 */
@QuarkusTest
@TestProfile(SlowSubscriberTest.LongAttempts.class)
class SlowSubscriberTest {

    /** Attempts that outlast the test, and two at a time per subscriber. */
    public static class LongAttempts implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tagline.triggers.delivery.request-timeout", "5m",
                    "tagline.triggers.delivery.lease", "10m",
                    "tagline.triggers.delivery.max-in-flight-per-subscriber", "2");
        }
    }

    @Test
    void a_subscriber_that_never_answers_does_not_delay_another_triggers_delivery() {
        try (WebhookReceiver slow = WebhookReceiver.start();
                WebhookReceiver fast = WebhookReceiver.start()) {
            slow.stopAnswering();
            FollowedImageStreamTag slowTag = FollowedImageStreamTag.fresh();
            FollowedImageStreamTag fastTag = FollowedImageStreamTag.fresh();
            TriggersApi.created(
                    slowTag.namespace(), TriggersApi.deployTrigger("slow", slowTag, slow.url(), TestData.secret()));
            TriggersApi.created(
                    fastTag.namespace(), TriggersApi.deployTrigger("fast", fastTag, fast.url(), TestData.secret()));
            slowTag.moveTo(digest());
            slowTag.moveTo(digest());
            slowTag.moveTo(digest());
            await().atMost(Duration.ofSeconds(30)).until(() -> slow.unanswered() == 2);

            fastTag.moveTo(digest());

            TriggerFiringTest.awaitDeliveries(fastTag.namespace(), "fast", 1, "succeeded");
            assertThat(fast.received()).hasSize(1);
            // The slow subscriber still holds both its slots; its third delivery waits its turn, unattempted.
            assertThat(slow.unanswered()).isEqualTo(2);
            assertThat(slow.received()).hasSize(2);
            TriggersApi.deliveries(slowTag.namespace(), "slow")
                    .body("status", containsInAnyOrder("pending", "pending", "pending"))
                    .body("attempts", containsInAnyOrder(1, 1, 0));
        }
    }
}
