package dev.tagline.triggers;

import static dev.tagline.triggers.TestData.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.tagline.events.EventJson;
import dev.tagline.events.TriggerActionRequested;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pausing and resuming over REST, against the real broker and database: a paused trigger fires nothing, and
 * resuming fires once if its tag moved meanwhile. An unpaused "watcher" on the same tag shows when a move was
 * applied: it is decided in the same transaction as the paused trigger.
 */
@QuarkusTest
class PauseTest {

    private final TriggersDatabase database = TriggersDatabase.ofApp();

    @Test
    void a_paused_trigger_fires_nothing_and_resuming_after_the_tag_moved_fires_exactly_once() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
            String secret = TestData.secret();
            Map<String, Object> web = TriggersApi.deployTrigger("web", tag, receiver.url(), secret);
            TriggersApi.created(tag.namespace(), web);
            TriggersApi.created(tag.namespace(), TriggersApi.deployTrigger("watcher", tag, null, null));
            String first = digest();
            tag.moveTo(first);
            awaitFired(tag, "watcher", first);

            TriggersApi.replace(tag.namespace(), "web", TriggersApi.paused(web, true))
                    .statusCode(200)
                    .body("paused", equalTo(true));
            String second = digest();
            String third = digest();
            tag.moveTo(second);
            tag.moveTo(third);
            awaitFired(tag, "watcher", third);

            assertThat(database.firedDigests(tag.namespace(), "web")).containsExactly(first);
            TriggersApi.get(tag.namespace(), "web")
                    .body("currentImage.digest", equalTo(third))
                    .body("lastTriggeredImage.digest", equalTo(first));

            TriggersApi.replace(tag.namespace(), "web", TriggersApi.paused(web, false))
                    .statusCode(200)
                    .body("paused", equalTo(false))
                    .body("lastTriggeredImage.digest", equalTo(third));

            assertThat(database.firedDigests(tag.namespace(), "web")).containsExactly(first, third);
            List<String> relayed = TriggerActions.of(tag.namespace(), 5).stream()
                    .filter(action -> action.key().equals(tag.namespace() + "/web"))
                    .map(action -> EventJson.read(action.value(), TriggerActionRequested.class)
                            .image()
                            .digest())
                    .toList();
            assertThat(relayed).containsExactly(first, third);
            TriggerFiringTest.awaitDeliveries(tag.namespace(), "web", 2, "succeeded");
            // The resume left the secret out: the trigger kept the one it had.
            assertThat(receiver.received()).hasSize(2).allMatch(request -> WebhookReceiver.signedWith(secret, request));
        }
    }

    @Test
    void resuming_when_the_tag_did_not_move_fires_nothing() {
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        Map<String, Object> web = TriggersApi.deployTrigger("web", tag, null, null);
        TriggersApi.created(tag.namespace(), web);
        String digest = digest();
        tag.moveTo(digest);
        awaitFired(tag, "web", digest);

        TriggersApi.replace(tag.namespace(), "web", TriggersApi.paused(web, true))
                .statusCode(200);
        TriggersApi.replace(tag.namespace(), "web", TriggersApi.paused(web, false))
                .statusCode(200);

        assertThat(database.firedDigests(tag.namespace(), "web")).containsExactly(digest);
        assertThat(database.outboxRowsOf(tag.namespace())).isEqualTo(1);
    }

    @Test
    void a_trigger_created_paused_and_resumed_on_an_unmoved_tag_fires_nothing() {
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        String digest = digest();
        tag.moveTo(digest);
        TriggerFiringTest.awaitCurrentImage(tag, digest);
        Map<String, Object> web = TriggersApi.paused(TriggersApi.deployTrigger("web", tag, null, null), true);
        TriggersApi.created(tag.namespace(), web);

        TriggersApi.replace(tag.namespace(), "web", TriggersApi.paused(web, false))
                .statusCode(200);

        assertThat(database.firedDigests(tag.namespace(), "web")).isEmpty();
        assertThat(database.outboxRowsOf(tag.namespace())).isZero();
    }

    private void awaitFired(FollowedImageStreamTag tag, String trigger, String digest) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> database.firedDigests(tag.namespace(), trigger).contains(digest));
    }
}
