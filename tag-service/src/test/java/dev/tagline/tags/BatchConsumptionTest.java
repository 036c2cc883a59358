package dev.tagline.tags;

import static dev.tagline.tags.TagOps.body;
import static dev.tagline.tags.TagOps.get;
import static dev.tagline.tags.TagOps.rollback;
import static dev.tagline.tags.TagOps.tag;
import static dev.tagline.tags.TestData.digest;
import static dev.tagline.tags.TestData.pushed;
import static dev.tagline.tags.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.tagline.events.EventType;
import dev.tagline.events.Topics;
import dev.tagline.testkit.KafkaTestClients;
import dev.tagline.testkit.KafkaTestClients.Outgoing;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batch rules of the {@code registry-tag-events} consumer on the real broker and database: records published in
 * one burst are polled, and applied, as one batch.
 */
@QuarkusTest
class BatchConsumptionTest {

    private final TagsDatabase database = TagsDatabase.ofApp();

    @Test
    void moves_of_one_tag_apply_in_offset_order_within_and_across_batches() {
        FollowedTag followed = FollowedTag.create();
        List<String> digests = new ArrayList<>();
        for (int burst = 0; burst < 3; burst++) {
            List<Outgoing> records = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                String digest = digest();
                digests.add(digest);
                records.add(push(followed, digest));
            }
            KafkaTestClients.publishBurst(records);
        }

        followed.awaitHistory(45);
        List<String> newestFirst = new ArrayList<>(digests);
        Collections.reverse(newestFirst);
        followed.tag().body("history.image", equalTo(newestFirst)).body("image.digest", equalTo(digests.get(44)));
        assertThat(database.outboxTypesOf(followed.namespace() + "/app:v1"))
                .filteredOn(EventType.IMAGESTREAM_TAG_UPDATED.type()::equals)
                .hasSize(45);
    }

    @Test
    void a_poison_record_in_the_middle_of_a_batch_is_dead_lettered_alone_and_the_rest_applies() {
        FollowedTag followed = FollowedTag.create();
        String before = digest();
        String after = digest();
        Outgoing poison = Outgoing.unreadable(EventType.REGISTRY_TAG_CHANGED, followed.source());
        KafkaTestClients.publishBurst(List.of(push(followed, before), poison, push(followed, after)));

        followed.awaitHistory(2);
        followed.tag().body("history.image", contains(after, before));
        List<KafkaTestClients.Consumed> deadLetters =
                KafkaTestClients.deadLettersOf(Topics.REGISTRY_TAG_EVENTS, followed.source());
        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo(Outgoing.UNREADABLE);
            assertThat(record.headers()).containsKeys("dead-letter-reason", "dead-letter-offset");
        });
    }

    @Test
    void a_batch_delivered_again_after_it_committed_changes_and_publishes_nothing() {
        FollowedTag followed = FollowedTag.create();
        List<Outgoing> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(push(followed, digest()));
        }
        KafkaTestClients.publishBurst(records);
        followed.awaitHistory(10);
        long outboxRows = database.outboxRowsOf(followed.namespace());

        // The same records again, as a consumer that committed but crashed before its ack would see them.
        KafkaTestClients.publishBurst(records);
        String marker = digest();
        followed.push(marker);

        followed.awaitHistory(11);
        followed.tag().body("image.digest", equalTo(marker));
        assertThat(database.outboxRowsOf(followed.namespace())).isEqualTo(outboxRows + 1);
    }

    @Test
    void one_batch_spanning_streams_and_namespaces_moves_each_of_them() {
        List<FollowedTag> tags = List.of(FollowedTag.create(), FollowedTag.create(), FollowedTag.create());
        String sharedDigest = digest();
        List<Outgoing> records = new ArrayList<>();
        for (FollowedTag followed : tags) {
            records.add(push(followed, digest()));
            records.add(push(followed, sharedDigest));
        }
        KafkaTestClients.publishBurst(records);

        for (FollowedTag followed : tags) {
            followed.awaitHistory(2);
            followed.tag().body("image.digest", equalTo(sharedDigest)).body("history.generation", contains(2, 1));
        }
    }

    @Test
    void aliases_move_in_the_same_batch_as_their_source_and_a_held_tag_records_held_items() {
        FollowedTag followed = FollowedTag.create();
        String first = digest();
        followed.push(first);
        followed.awaitHistory(1);
        tag(followed.namespace(), body("ImageStreamTag", "app:v1", "\"app:latest\"", "\"alias\":true"))
                .statusCode(200);
        String mirrors = unique("mirrors");
        tag(mirrors, """
                {"from":{"kind":"ImageStreamTag","namespace":"%s","name":"app:latest"},"to":["copy:current"],
                 "alias":true}""".formatted(followed.namespace())).statusCode(200);
        String heldNamespace = unique("held");
        FollowedTag.createStream(heldNamespace, "app", "v1", followed.source());
        KafkaTestClients.publishBurst(List.of(push(followed, first)));
        FollowedTag.awaitHistory(heldNamespace, "app:v1", 1);
        rollback(heldNamespace, "app:v1", "{\"generation\":1,\"hold\":true}").statusCode(200);

        String second = digest();
        String third = digest();
        KafkaTestClients.publishBurst(List.of(push(followed, second), push(followed, third)));

        followed.awaitHistory(3);
        followed.tag().body("history.image", contains(third, second, first));
        FollowedTag.awaitHistory(followed.namespace(), "app:latest", 3);
        get(followed.namespace(), "app:latest")
                .body("history.image", contains(third, second, first))
                .body("history[0].cause", equalTo("alias"));
        FollowedTag.awaitHistory(mirrors, "copy:current", 3);
        get(mirrors, "copy:current").body("image.digest", equalTo(third));
        FollowedTag.awaitHistory(heldNamespace, "app:v1", 3);
        get(heldNamespace, "app:v1")
                .body("image.digest", equalTo(first))
                .body("history.held", contains(true, true, false))
                .body("history.image", hasSize(3));
    }

    private static Outgoing push(FollowedTag followed, String digest) {
        return Outgoing.event(
                EventType.REGISTRY_TAG_CHANGED,
                KafkaTestClients.newEventId(),
                followed.source(),
                pushed(followed.repository(), "v1", digest));
    }
}
