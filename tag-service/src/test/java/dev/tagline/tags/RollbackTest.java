package dev.tagline.tags;

import static dev.tagline.tags.FollowedTag.awaitHistory;
import static dev.tagline.tags.TagOps.body;
import static dev.tagline.tags.TagOps.dataOf;
import static dev.tagline.tags.TagOps.get;
import static dev.tagline.tags.TagOps.release;
import static dev.tagline.tags.TagOps.rollback;
import static dev.tagline.tags.TagOps.tag;
import static dev.tagline.tags.TestData.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagUpdated;
import dev.tagline.events.TagChangeCause;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rollback, hold and release over REST, with pushes on the real broker: the story of a bad release. */
@QuarkusTest
class RollbackTest {

    private static final String UPDATED = EventType.IMAGESTREAM_TAG_UPDATED.type();

    private final TagsDatabase database = TagsDatabase.ofApp();

    @Test
    void a_rollback_by_digest_is_a_new_item_that_the_next_push_overrides() {
        FollowedTag followed = FollowedTag.create();
        String good = digest();
        String bad = digest();
        followed.push(good);
        followed.push(bad);
        followed.awaitHistory(2);

        rollback(followed.namespace(), "app:v1", "{\"image\":\"" + good + "\"}")
                .statusCode(200)
                .body("image.digest", equalTo(good))
                .body("history.image", contains(good, bad, good))
                .body("history[0].cause", equalTo("rollback"))
                .body("hold", nullValue());
        List<ImageStreamTagUpdated> updates = dataOf(
                followed.namespace() + "/app:v1", EventType.IMAGESTREAM_TAG_UPDATED, 3, ImageStreamTagUpdated.class);
        assertThat(updates.get(2).cause()).isEqualTo(TagChangeCause.ROLLBACK);
        assertThat(updates.get(2).image().digest()).isEqualTo(good);
        assertThat(updates.get(2).previous().digest()).isEqualTo(bad);

        String fixed = digest();
        followed.push(fixed);
        followed.awaitHistory(4);
        followed.tag().body("image.digest", equalTo(fixed)).body("history[0].cause", equalTo("push"));
    }

    @Test
    void a_rollback_by_generation_points_at_that_items_image() {
        FollowedTag followed = FollowedTag.create();
        String good = digest();
        followed.push(good);
        followed.push(digest());
        followed.awaitHistory(2);
        int generation = followed.tag().extract().path("history[1].generation");

        rollback(followed.namespace(), "app:v1", "{\"generation\":" + generation + "}")
                .statusCode(200)
                .body("image.digest", equalTo(good))
                .body("history[0].cause", equalTo("rollback"));
    }

    @Test
    void a_held_rollback_records_later_pushes_without_moving_or_publishing_until_released() {
        FollowedTag followed = FollowedTag.create();
        String image1 = digest();
        String image2 = digest();
        followed.push(image1);
        followed.push(image2);
        followed.awaitHistory(2);
        String key = followed.namespace() + "/app:v1";

        rollback(followed.namespace(), "app:v1", "{\"image\":\"" + image1 + "\",\"hold\":true}")
                .statusCode(200)
                .body("image.digest", equalTo(image1))
                .body("hold.since", notNullValue())
                .body("hold.pending", nullValue())
                .body("conditions.type", contains("Held"));
        String image3 = digest();
        followed.push(image3);
        followed.awaitHistory(4);

        followed.tag()
                .body("image.digest", equalTo(image1))
                .body("history.image", contains(image3, image1, image2, image1))
                .body("history.held", contains(true, false, false, false))
                .body("history[0].cause", equalTo("push"))
                .body("hold.pending.image", equalTo(image3))
                .body("conditions.type", contains("Held"));
        // The held push committed with whatever it would publish: nothing beyond the two pushes and the rollback.
        assertThat(database.outboxTypesOf(key)).filteredOn(UPDATED::equals).hasSize(3);

        release(followed.namespace(), "app:v1")
                .statusCode(200)
                .body("image.digest", equalTo(image3))
                .body("history.held", contains(false, true, false, false, false))
                .body("history[0].cause", equalTo("push"))
                .body("hold", nullValue())
                .body("conditions", hasSize(0));
        List<ImageStreamTagUpdated> updates =
                dataOf(key, EventType.IMAGESTREAM_TAG_UPDATED, 4, ImageStreamTagUpdated.class);
        assertThat(updates)
                .extracting(ImageStreamTagUpdated::cause)
                .containsExactly(
                        TagChangeCause.PUSH, TagChangeCause.PUSH, TagChangeCause.ROLLBACK, TagChangeCause.PUSH);
        assertThat(updates.get(3).image().digest()).isEqualTo(image3);
        assertThat(updates.get(3).previous().digest()).isEqualTo(image1);
    }

    @Test
    void a_held_alias_records_its_sources_moves_and_catches_up_on_release() {
        FollowedTag followed = FollowedTag.create();
        String image1 = digest();
        followed.push(image1);
        followed.awaitHistory(1);
        tag(followed.namespace(), body("ImageStreamTag", "app:v1", "\"app:latest\"", "\"alias\":true"))
                .statusCode(200);
        String image2 = digest();
        followed.push(image2);
        awaitHistory(followed.namespace(), "app:latest", 2);

        rollback(followed.namespace(), "app:latest", "{\"image\":\"" + image1 + "\",\"hold\":true}")
                .statusCode(200);
        String image3 = digest();
        followed.push(image3);
        awaitHistory(followed.namespace(), "app:latest", 4);
        get(followed.namespace(), "app:latest")
                .body("image.digest", equalTo(image1))
                .body("history[0].held", equalTo(true))
                .body("history[0].cause", equalTo("alias"));

        release(followed.namespace(), "app:latest")
                .statusCode(200)
                .body("image.digest", equalTo(image3))
                .body("history[0].cause", equalTo("alias"));
    }

    @Test
    void releasing_a_tag_whose_source_did_not_move_keeps_it_where_it_is() {
        FollowedTag followed = FollowedTag.create();
        String image1 = digest();
        followed.push(image1);
        followed.push(digest());
        followed.awaitHistory(2);
        rollback(followed.namespace(), "app:v1", "{\"image\":\"" + image1 + "\",\"hold\":true}")
                .statusCode(200);

        release(followed.namespace(), "app:v1")
                .statusCode(200)
                .body("image.digest", equalTo(image1))
                .body("history", hasSize(3))
                .body("hold", nullValue());
        release(followed.namespace(), "app:v1").statusCode(200).body("history", hasSize(3));
    }

    @Test
    void a_rollback_to_an_image_or_generation_the_tag_never_had_is_refused_and_publishes_nothing() {
        FollowedTag followed = FollowedTag.create();
        followed.push(digest());
        followed.awaitHistory(1);
        // Another tag of the same stream: its image and its generation are the stream's, but never this tag's.
        String elsewhere = TagOps.pointAtNewImage(followed.namespace(), "app:other");
        int otherGeneration = get(followed.namespace(), "app:other").extract().path("generation");
        String key = followed.namespace() + "/app:v1";
        List<String> before = database.outboxTypesOf(key);

        refused(followed, "{\"image\":\"" + elsewhere + "\"}", 404, "image");
        refused(followed, "{\"image\":\"" + digest() + "\"}", 404, "image");
        refused(followed, "{\"generation\":" + otherGeneration + "}", 404, "generation");
        refused(followed, "{\"image\":\"sha256:abc\"}", 400, "image");
        refused(followed, "{\"image\":\"" + elsewhere + "\",\"generation\":1}", 400, "generation");
        refused(followed, "{\"hold\":true}", 400, "image");
        refused(followed, "{\"generation\":0}", 400, "generation");
        rollback(followed.namespace(), "app:nope", "{\"generation\":1}")
                .statusCode(404)
                .body("field", equalTo("tag"));
        followed.tag().body("history", hasSize(1)).body("hold", nullValue());
        assertThat(database.outboxTypesOf(key)).isEqualTo(before);
    }

    @Test
    void an_image_only_seen_while_held_is_not_a_rollback_target() {
        FollowedTag followed = FollowedTag.create();
        String image1 = digest();
        followed.push(image1);
        followed.push(digest());
        followed.awaitHistory(2);
        rollback(followed.namespace(), "app:v1", "{\"image\":\"" + image1 + "\",\"hold\":true}")
                .statusCode(200);
        String seenWhileHeld = digest();
        followed.push(seenWhileHeld);
        followed.awaitHistory(4);

        refused(followed, "{\"image\":\"" + seenWhileHeld + "\"}", 404, "image");
    }

    private static void refused(FollowedTag followed, String body, int status, String field) {
        rollback(followed.namespace(), "app:v1", body)
                .statusCode(status)
                .body("field", equalTo(field))
                .body("error", notNullValue());
    }
}
