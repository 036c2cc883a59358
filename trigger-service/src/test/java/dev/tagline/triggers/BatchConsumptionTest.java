package dev.tagline.triggers;

import static dev.tagline.triggers.TestData.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagUpdated;
import dev.tagline.events.Topics;
import dev.tagline.events.TriggerActionRequested;
import dev.tagline.testkit.KafkaTestClients;
import dev.tagline.testkit.KafkaTestClients.Outgoing;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The batch rules of the {@code imagestream-tag-events} consumer; talks to a real Kafka broker and Postgres, and
 * publishes records in one burst so that the consumer polls, and applies, them as one batch.
 */
@QuarkusTest
class BatchConsumptionTest {

    private final TriggersDatabase database = TriggersDatabase.ofApp();

    @Test
    void moves_of_one_tag_fire_in_offset_order_within_and_across_batches() {
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        TriggersApi.created(tag.namespace(), TriggersApi.deployTrigger("web", tag, null, null));
        List<String> digests = new ArrayList<>();
        for (int burst = 0; burst < 3; burst++) {
            List<Outgoing> records = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String digest = digest();
                digests.add(digest);
                records.add(tag.move(digest));
            }
            KafkaTestClients.publishBurst(records);
        }

        awaitFired(tag.namespace(), "web", digests.get(29));
        assertThat(database.firedDigests(tag.namespace(), "web")).containsExactlyElementsOf(digests);
        List<TriggerActionRequested> actions = actions(tag.namespace(), 30);
        assertThat(actions).extracting(action -> action.image().digest()).containsExactlyElementsOf(digests);
        assertThat(actions)
                .extracting(action -> action.from().generation())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
        TriggersApi.get(tag.namespace(), "web")
                .body("lastTriggeredImage.digest", equalTo(digests.get(29)))
                .body("currentImage.digest", equalTo(digests.get(29)));
    }

    @Test
    void a_poison_record_in_the_middle_of_a_batch_is_dead_lettered_alone_and_the_rest_applies() {
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        TriggersApi.created(tag.namespace(), TriggersApi.deployTrigger("web", tag, null, null));
        String before = digest();
        String after = digest();
        Outgoing poison = Outgoing.unreadable(EventType.IMAGESTREAM_TAG_UPDATED, tag.key());

        KafkaTestClients.publishBurst(List.of(tag.move(before), poison, tag.move(after)));

        awaitFired(tag.namespace(), "web", after);
        assertThat(database.firedDigests(tag.namespace(), "web")).containsExactly(before, after);
        List<KafkaTestClients.Consumed> deadLetters =
                KafkaTestClients.deadLettersOf(Topics.IMAGESTREAM_TAG_EVENTS, tag.key());
        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo(Outgoing.UNREADABLE);
            assertThat(record.headers()).containsKeys("dead-letter-reason", "dead-letter-offset");
        });
    }

    @Test
    void a_batch_delivered_again_after_it_committed_changes_and_publishes_nothing() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
            TriggersApi.created(
                    tag.namespace(), TriggersApi.deployTrigger("web", tag, receiver.url(), TestData.secret()));
            List<Outgoing> records = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                records.add(tag.move(digest()));
            }
            KafkaTestClients.publishBurst(records);
            TriggerFiringTest.awaitDeliveries(tag.namespace(), "web", 5, "succeeded");

            // The same records again, as a consumer that committed but crashed before its ack would see them.
            KafkaTestClients.publishBurst(records);
            String marker = digest();
            tag.moveTo(marker);

            awaitFired(tag.namespace(), "web", marker);
            TriggerFiringTest.awaitDeliveries(tag.namespace(), "web", 6, "succeeded");
            assertThat(database.firedDigests(tag.namespace(), "web")).hasSize(6);
            assertThat(database.outboxRowsOf(tag.namespace())).isEqualTo(6);
            assertThat(database.deliveriesOf(tag.namespace())).isEqualTo(6);
            assertThat(actions(tag.namespace(), 6)).hasSize(6);
            assertThat(receiver.received())
                    .extracting(WebhookReceiver.Received::webhookId)
                    .doesNotHaveDuplicates()
                    .hasSize(6);
        }
    }

    @Test
    void one_batch_spanning_streams_namespaces_and_triggers_fires_each_trigger_for_each_move_of_its_tag() {
        FollowedImageStreamTag app = FollowedImageStreamTag.fresh();
        FollowedImageStreamTag db = FollowedImageStreamTag.in(app.namespace(), "db");
        FollowedImageStreamTag other = FollowedImageStreamTag.fresh();
        String ci = TestData.unique("ci");
        TriggersApi.created(app.namespace(), TriggersApi.deployTrigger("web", app, null, null));
        TriggersApi.created(app.namespace(), TriggersApi.deployTrigger("web-too", app, null, null));
        TriggersApi.created(app.namespace(), TriggersApi.deployTrigger("database", db, null, null));
        TriggersApi.created(other.namespace(), TriggersApi.deployTrigger("web", other, null, null));
        TriggersApi.created(
                ci,
                Map.of(
                        "name",
                        "builder",
                        "kind",
                        "build",
                        "from",
                        Map.of("kind", "ImageStreamTag", "namespace", app.namespace(), "name", app.name()),
                        "params",
                        Map.of("buildConfig", "app-runtime")));
        String shared = digest();
        String app1 = digest();
        String db1 = digest();
        String other1 = digest();

        KafkaTestClients.publishBurst(List.of(
                app.move(app1),
                db.move(db1),
                other.move(other1),
                app.move(shared),
                db.move(shared),
                other.move(shared)));

        awaitFired(other.namespace(), "web", shared);
        awaitFired(app.namespace(), "database", shared);
        awaitFired(ci, "builder", shared);
        assertThat(database.firedDigests(app.namespace(), "web")).containsExactly(app1, shared);
        assertThat(database.firedDigests(app.namespace(), "web-too")).containsExactly(app1, shared);
        assertThat(database.firedDigests(ci, "builder")).containsExactly(app1, shared);
        assertThat(database.firedDigests(app.namespace(), "database")).containsExactly(db1, shared);
        assertThat(database.firedDigests(other.namespace(), "web")).containsExactly(other1, shared);
        assertThat(actions(ci, 2))
                .extracting(action -> action.trigger().kind())
                .containsOnly(TriggerActionRequested.Kind.BUILD);
        assertThat(actions(app.namespace(), 6)).hasSize(6);
    }

    @Test
    void a_paused_trigger_in_a_batch_fires_nothing_while_another_on_its_tag_fires_and_resuming_fires_once() {
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        Map<String, Object> paused = TriggersApi.paused(TriggersApi.deployTrigger("paused", tag, null, null), true);
        TriggersApi.created(tag.namespace(), paused);
        TriggersApi.created(tag.namespace(), TriggersApi.deployTrigger("watcher", tag, null, null));
        String first = digest();
        String second = digest();

        KafkaTestClients.publishBurst(List.of(tag.move(first), tag.move(second)));

        awaitFired(tag.namespace(), "watcher", second);
        assertThat(database.firedDigests(tag.namespace(), "watcher")).containsExactly(first, second);
        assertThat(database.firedDigests(tag.namespace(), "paused")).isEmpty();
        TriggersApi.get(tag.namespace(), "paused").body("currentImage.digest", equalTo(second));

        TriggersApi.replace(tag.namespace(), "paused", TriggersApi.paused(paused, false))
                .statusCode(200)
                .body("lastTriggeredImage.digest", equalTo(second));
        assertThat(database.firedDigests(tag.namespace(), "paused")).containsExactly(second);
    }

    @Test
    void two_moves_of_one_tag_in_a_batch_fire_twice_and_their_replays_in_the_same_batch_fire_nothing() {
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        TriggersApi.created(tag.namespace(), TriggersApi.deployTrigger("web", tag, null, null));
        ImageStreamTagUpdated first = tag.update(digest());
        ImageStreamTagUpdated second = tag.update(digest());

        // Replayed under new event ids, as from further back than the applied-event log remembers: the first
        // replay is a move away from the second image, but its key was spent by the first move of the batch.
        KafkaTestClients.publishBurst(List.of(
                tag.record(KafkaTestClients.newEventId(), first),
                tag.record(KafkaTestClients.newEventId(), second),
                tag.record(KafkaTestClients.newEventId(), first),
                tag.record(KafkaTestClients.newEventId(), second)));
        String marker = digest();
        tag.moveTo(marker);

        awaitFired(tag.namespace(), "web", marker);
        assertThat(database.firedDigests(tag.namespace(), "web"))
                .containsExactly(first.image().digest(), second.image().digest(), marker);
        assertThat(actions(tag.namespace(), 3))
                .extracting(action -> action.from().generation())
                .containsExactly(1L, 2L, 3L);
    }

    private void awaitFired(String namespace, String trigger, String digest) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> database.firedDigests(namespace, trigger).contains(digest));
    }

    private static List<TriggerActionRequested> actions(String namespace, int atLeast) {
        return TriggerActions.of(namespace, atLeast).stream()
                .map(action -> EventJson.read(action.value(), TriggerActionRequested.class))
                .toList();
    }
}
