package dev.tagline.tags;

import static dev.tagline.tags.Api.given;
import static dev.tagline.tags.TagOps.body;
import static dev.tagline.tags.TagOps.dataOf;
import static dev.tagline.tags.TagOps.get;
import static dev.tagline.tags.TagOps.tag;
import static dev.tagline.tags.TestData.REGISTRY;
import static dev.tagline.tags.TestData.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagUpdated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reference policy {@code Local}: the tag's pull spec names the pull-through host configured for the test
 * profile, {@code pull-through.tagline.test:5000}, in views and events; history keeps the source registry's.
 */
@QuarkusTest
class LocalReferencePolicyTest {

    private static final String PULL_THROUGH = "pull-through.tagline.test:5000";

    @Test
    void a_local_tag_points_at_the_pull_through_host_in_its_view_and_its_events() {
        FollowedTag followed = FollowedTag.create();
        given().contentType(ContentType.JSON)
                .body("""
                {"from":{"kind":"DockerImage","name":"%s"},"referencePolicy":"Local"}""".formatted(followed.source()))
                .put("/api/v1/namespaces/{ns}/imagestreamtags/app:v1", followed.namespace())
                .then()
                .statusCode(200)
                .body("tag.referencePolicy", equalTo("Local"));
        String digest = digest();

        followed.push(digest);
        followed.awaitHistory(1);

        String local = PULL_THROUGH + "/" + followed.namespace() + "/app@" + digest;
        followed.tag()
                .body("image.dockerImageReference", equalTo(local))
                .body(
                        "history[0].dockerImageReference",
                        equalTo(REGISTRY + "/" + followed.repository() + "@" + digest));
        List<ImageStreamTagUpdated> updates = dataOf(
                followed.namespace() + "/app:v1", EventType.IMAGESTREAM_TAG_UPDATED, 1, ImageStreamTagUpdated.class);
        assertThat(updates)
                .singleElement()
                .satisfies(updated ->
                        assertThat(updated.image().dockerImageReference()).isEqualTo(local));
    }

    @Test
    void a_tag_operation_with_reference_policy_local_tags_with_local_pull_specs() {
        FollowedTag followed = FollowedTag.create();
        String digest = TagOps.pointAtNewImage(followed.namespace(), "app:source");

        tag(followed.namespace(), body("ImageStreamTag", "app:source", "\"app:prod\"", "\"referencePolicy\":\"Local\""))
                .statusCode(200)
                .body("[0].tag.referencePolicy", equalTo("Local"))
                .body(
                        "[0].image.dockerImageReference",
                        equalTo(PULL_THROUGH + "/" + followed.namespace() + "/app@" + digest));
        get(followed.namespace(), "app:source").body("image.dockerImageReference", startsWith(REGISTRY));
    }
}
