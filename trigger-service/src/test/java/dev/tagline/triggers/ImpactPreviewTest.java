package dev.tagline.triggers;

import static dev.tagline.triggers.AsClusterAdmin.given;
import static dev.tagline.triggers.TestData.digest;
import static dev.tagline.triggers.TestData.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The impact preview lists every trigger, in any namespace, that follows a tag, and whether a move would fire it,
 * to a cluster admin; {@link TriggerAccessTest} shows what others see.
 */
@QuarkusTest
class ImpactPreviewTest {

    private final TriggersDatabase database = TriggersDatabase.ofApp();

    @Test
    void the_preview_lists_the_followers_of_a_tag_and_which_would_fire() {
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        FollowedImageStreamTag otherTag = FollowedImageStreamTag.fresh();
        String ops = unique("ops");
        TriggersApi.created(tag.namespace(), TriggersApi.deployTrigger("web", tag, null, null));
        TriggersApi.created(ops, TriggersApi.paused(TriggersApi.deployTrigger("audit", tag, null, null), true));
        TriggersApi.created(tag.namespace(), TriggersApi.deployTrigger("unrelated", otherTag, null, null));

        preview(tag, "")
                .statusCode(200)
                .body("namespace", equalTo(tag.namespace()))
                .body("name", equalTo("app:prod"))
                .body("currentImage", nullValue())
                .body("triggers.name", contains("web", "audit"))
                .body("triggers.namespace", contains(tag.namespace(), ops))
                .body("triggers.wouldFire", contains(true, false))
                .body("triggers[1].reason", equalTo("paused"))
                .body("hiddenTriggers", equalTo(0));

        String fired = digest();
        tag.moveTo(fired);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> database.firedDigests(tag.namespace(), "web").contains(fired));

        preview(tag, "?digest=" + fired)
                .body("currentImage.digest", equalTo(fired))
                .body("digest", equalTo(fired))
                .body("triggers.wouldFire", contains(false, false));
        preview(tag, "?digest=" + digest()).body("triggers.wouldFire", contains(true, false));
    }

    private static ValidatableResponse preview(FollowedImageStreamTag tag, String query) {
        return given().get("/api/v1/namespaces/" + tag.namespace() + "/imagestreamtags/" + tag.name() + "/triggers"
                        + query)
                .then();
    }
}
