package dev.tagline.tags;

import static dev.tagline.tags.Api.given;
import static dev.tagline.tags.FollowedTag.awaitHistory;
import static dev.tagline.tags.FollowedTag.createStream;
import static dev.tagline.tags.TestData.REGISTRY;
import static dev.tagline.tags.TestData.digest;
import static dev.tagline.tags.TestData.pushed;
import static dev.tagline.tags.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagUpdated;
import dev.tagline.events.TagChangeCause;
import dev.tagline.testkit.EventSchemas;
import dev.tagline.testkit.KafkaTestClients;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A registry push, as a {@code registry.tag.changed} on the real broker, moves the tags that follow it. */
@QuarkusTest
class RegistryPushTest {

    @Test
    void a_pushed_digest_appends_history_visible_over_rest_and_as_a_tag_updated_event() {
        FollowedTag followed = FollowedTag.create();
        String digest = digest();

        followed.push(digest);

        followed.awaitHistory(1);
        followed.tag()
                .statusCode(200)
                .body("image.digest", equalTo(digest))
                .body("image.dockerImageReference", equalTo(REGISTRY + "/" + followed.repository() + "@" + digest))
                .body("image.mediaType", equalTo(TestData.OCI_MANIFEST))
                .body("history[0].image", equalTo(digest))
                .body("history[0].cause", equalTo("push"));

        List<KafkaTestClients.Consumed> events =
                KafkaTestClients.tagEventsOf(followed.namespace(), EventType.IMAGESTREAM_TAG_UPDATED, 1);
        assertThat(events).hasSize(1);
        KafkaTestClients.Consumed event = events.get(0);
        assertThat(event.key()).isEqualTo(followed.namespace() + "/app:v1");
        assertThat(event.headers())
                .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                .containsEntry(CloudEventHeaders.SOURCE, "/tagline/tag-service")
                .containsEntry(CloudEventHeaders.SUBJECT, followed.namespace() + "/app:v1")
                .containsEntry(CloudEventHeaders.CONTENT_TYPE, "application/json")
                .containsKeys(CloudEventHeaders.ID, CloudEventHeaders.TIME);
        assertThat(EventSchemas.violations(EventType.IMAGESTREAM_TAG_UPDATED, event.value()))
                .isEmpty();
        ImageStreamTagUpdated updated = EventJson.read(event.value(), ImageStreamTagUpdated.class);
        assertThat(updated.image().digest()).isEqualTo(digest);
        assertThat(updated.previous()).isNull();
        assertThat(updated.cause()).isEqualTo(TagChangeCause.PUSH);
    }

    @Test
    void a_second_digest_records_the_previous_image_and_a_higher_generation() {
        FollowedTag followed = FollowedTag.create();
        String first = digest();
        String second = digest();

        followed.push(first);
        followed.push(second);

        followed.awaitHistory(2);
        List<ImageStreamTagUpdated> updates =
                KafkaTestClients.tagEventsOf(followed.namespace(), EventType.IMAGESTREAM_TAG_UPDATED, 2).stream()
                        .map(event -> EventJson.read(event.value(), ImageStreamTagUpdated.class))
                        .toList();
        assertThat(updates).hasSize(2);
        assertThat(updates.get(1).previous().digest()).isEqualTo(first);
        assertThat(updates.get(1).generation()).isGreaterThan(updates.get(0).generation());
    }

    @Test
    void a_redelivered_event_is_applied_once_even_after_the_tag_moved_on() {
        FollowedTag followed = FollowedTag.create();
        String first = digest();
        String second = digest();
        String firstEventId = KafkaTestClients.newEventId();

        followed.push(firstEventId, first);
        followed.push(second);
        // The same observation again: without the applied-event log it would move the tag back to the first digest.
        followed.push(firstEventId, first);
        String marker = digest();
        followed.push(marker);

        // One tag's events are applied in order, so once the marker shows, the redelivery was seen.
        followed.awaitHistory(3);
        followed.tag().body("history.image", contains(marker, second, first));
    }

    @Test
    void another_event_with_the_digest_the_tag_points_at_adds_nothing() {
        FollowedTag followed = FollowedTag.create();
        String digest = digest();

        followed.push(digest);
        followed.push(digest);
        String marker = digest();
        followed.push(marker);

        followed.awaitHistory(2);
        followed.tag().body("history.image", contains(marker, digest));
        assertThat(KafkaTestClients.allTagEventsOf(
                        followed.namespace(), EventType.IMAGESTREAM_TAG_UPDATED, Duration.ofSeconds(2)))
                .hasSize(2);
    }

    @Test
    void two_tags_in_two_namespaces_following_one_source_both_move_and_an_unrelated_push_moves_nothing() {
        String teamA = unique("team-a");
        String teamB = unique("team-b");
        String repository = unique("shared") + "/base";
        String source = REGISTRY + "/" + repository + ":stable";
        createStream(teamA, "base", "stable", source);
        createStream(teamB, "runtime", "latest", source);
        String digest = digest();
        String unrelated = digest();

        KafkaTestClients.publish(
                EventType.REGISTRY_TAG_CHANGED,
                KafkaTestClients.newEventId(),
                REGISTRY + "/" + repository + ":other",
                pushed(repository, "other", unrelated));
        KafkaTestClients.publish(
                EventType.REGISTRY_TAG_CHANGED,
                KafkaTestClients.newEventId(),
                source,
                pushed(repository, "stable", digest));

        awaitHistory(teamA, "base:stable", 1);
        awaitHistory(teamB, "runtime:latest", 1);
        // The unrelated push was published first; no event in either namespace carries its digest.
        for (String namespace : List.of(teamA, teamB)) {
            assertThat(KafkaTestClients.allTagEventsOf(
                            namespace, EventType.IMAGESTREAM_TAG_UPDATED, Duration.ofSeconds(1)))
                    .noneMatch(event -> event.value().contains(unrelated));
        }
        given().get("/api/v1/namespaces/{ns}/imagestreamtags/base:stable", teamA)
                .then()
                .body("history.image", contains(digest));
        given().get("/api/v1/namespaces/{ns}/imagestreamtags/runtime:latest", teamB)
                .then()
                .body("history.image", contains(digest));
    }

    @Test
    void an_image_that_is_no_longer_the_newest_is_found_by_digest() {
        FollowedTag followed = FollowedTag.create();
        String old = digest();
        followed.push(old);
        followed.push(digest());
        followed.awaitHistory(2);

        given().get("/api/v1/namespaces/{ns}/imagestreamimages/app@{digest}", followed.namespace(), old)
                .then()
                .statusCode(200)
                .body("name", equalTo("app@" + old))
                .body("image.digest", equalTo(old))
                .body("image.mediaType", equalTo(TestData.OCI_MANIFEST))
                .body("tags", contains("v1"));
    }
}
