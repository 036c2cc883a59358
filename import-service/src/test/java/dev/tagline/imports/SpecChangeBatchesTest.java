package dev.tagline.imports;

import static dev.tagline.imports.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagDeleted;
import dev.tagline.events.ImageStreamTagSpecChanged;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.Topics;
import dev.tagline.testkit.KafkaTestClients;
import dev.tagline.testkit.KafkaTestClients.Outgoing;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The batch rules of the {@code imagestream-tag-events} consumer on the real broker and database: records published
 * in one burst are polled, and applied, as one batch. Sources live on a registry that is not allowed, so their checks
 * fail without reaching anything.
 */
@QuarkusTest
class SpecChangeBatchesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ImportsDatabase database = ImportsDatabase.ofApp();

    @Test
    void spec_changes_of_one_tag_apply_in_offset_order_within_and_across_batches() {
        StreamTagRef streamTag = new StreamTagRef(unique("team"), "app", "v1");
        List<String> sources = new ArrayList<>();
        for (int burst = 0; burst < 3; burst++) {
            List<Outgoing> records = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String source = source();
                sources.add(source);
                records.add(follow(streamTag, source, true));
                if (i % 3 == 1) {
                    records.add(remove(streamTag, source));
                }
            }
            KafkaTestClients.publishBurst(records);
        }

        String last = sources.get(sources.size() - 1);
        await().atMost(PATIENCE).until(() -> database.followersOf(last) == 1);
        assertThat(sources.subList(0, sources.size() - 1))
                .allSatisfy(earlier -> assertThat(database.scheduledSources(earlier))
                        .as(earlier)
                        .isZero());
    }

    @Test
    void a_poison_record_in_the_middle_of_a_batch_is_dead_lettered_alone_and_the_rest_applies() {
        StreamTagRef before = new StreamTagRef(unique("team"), "app", "v1");
        StreamTagRef poisoned = new StreamTagRef(unique("team"), "app", "v1");
        StreamTagRef after = new StreamTagRef(unique("team"), "app", "v1");
        String beforeSource = source();
        String afterSource = source();
        Outgoing poison = Outgoing.unreadable(EventType.IMAGESTREAM_TAG_SPEC_CHANGED, poisoned.key());
        KafkaTestClients.publishBurst(
                List.of(follow(before, beforeSource, true), poison, follow(after, afterSource, true)));

        await().atMost(PATIENCE).until(() -> database.followersOf(afterSource) == 1);
        assertThat(database.followersOf(beforeSource)).isEqualTo(1);
        List<KafkaTestClients.Consumed> deadLetters =
                KafkaTestClients.deadLettersOf(Topics.IMAGESTREAM_TAG_EVENTS, poisoned.key());
        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo(Outgoing.UNREADABLE);
            assertThat(record.headers()).containsKeys("dead-letter-reason", "dead-letter-offset");
        });
    }

    @Test
    void a_batch_delivered_again_after_it_committed_changes_nothing() {
        StreamTagRef streamTag = new StreamTagRef(unique("team"), "app", "v1");
        String first = source();
        String second = source();
        List<Outgoing> records = List.of(follow(streamTag, first, true), follow(streamTag, second, true));
        KafkaTestClients.publishBurst(records);
        await().atMost(PATIENCE).until(() -> database.followersOf(second) == 1);
        KafkaTestClients.publishBurst(List.of(remove(streamTag, second)));
        await().atMost(PATIENCE).until(() -> database.scheduledSources(second) == 0);

        // The same records again, as a consumer that committed but crashed before its ack would see them.
        KafkaTestClients.publishBurst(records);
        String marker = source();
        KafkaTestClients.publishBurst(
                List.of(follow(new StreamTagRef(streamTag.namespace(), "marker", "v1"), marker, true)));

        await().atMost(PATIENCE).until(() -> database.followersOf(marker) == 1);
        assertThat(database.scheduledSources(first)).isZero();
        assertThat(database.scheduledSources(second)).isZero();
    }

    @Test
    void records_of_other_types_are_skipped_without_reading_their_data() {
        StreamTagRef streamTag = new StreamTagRef(unique("team"), "app", "v1");
        String source = source();
        Map<String, byte[]> deletedHeaders = new CloudEventHeaders(
                        KafkaTestClients.newEventId(),
                        "/tests",
                        EventType.IMAGESTREAM_TAG_DELETED,
                        streamTag.key(),
                        Instant.now())
                .toHeaders();
        KafkaTestClients.publishBurst(List.of(
                new Outgoing(Topics.IMAGESTREAM_TAG_EVENTS, streamTag.key(), deletedHeaders, "{not json"),
                Outgoing.event(
                        EventType.IMAGESTREAM_TAG_DELETED,
                        KafkaTestClients.newEventId(),
                        streamTag.key(),
                        new ImageStreamTagDeleted(
                                streamTag.namespace(),
                                "app",
                                "v1",
                                ImageStreamTagDeleted.Reason.REMOVED,
                                null,
                                Instant.now())),
                follow(streamTag, source, true)));

        await().atMost(PATIENCE).until(() -> database.followersOf(source) == 1);
        assertThat(KafkaTestClients.read(
                        Topics.deadLetter(Topics.IMAGESTREAM_TAG_EVENTS),
                        record -> streamTag.key().equals(record.key()),
                        0,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10)))
                .isEmpty();
    }

    @Test
    void one_batch_spanning_streams_and_namespaces_schedules_each_source_once() {
        String shared = source();
        String own = source();
        List<StreamTagRef> streamTags = new ArrayList<>();
        List<Outgoing> records = new ArrayList<>();
        for (int namespace = 0; namespace < 3; namespace++) {
            String name = unique("team");
            for (String stream : List.of("app", "db")) {
                StreamTagRef streamTag = new StreamTagRef(name, stream, "v1");
                streamTags.add(streamTag);
                // Only the first stream tag asks for plain HTTP: the shared source is insecure while it follows.
                records.add(follow(streamTag, shared, streamTags.size() == 1));
            }
        }
        StreamTagRef alone = new StreamTagRef(streamTags.get(0).namespace(), "web", "v1");
        records.add(follow(alone, own, false));
        KafkaTestClients.publishBurst(records);

        await().atMost(PATIENCE).until(() -> database.followersOf(shared) == 6 && database.followersOf(own) == 1);
        assertThat(database.scheduledSources(shared)).isEqualTo(1);
        assertThat(database.isInsecure(shared)).isTrue();
        assertThat(database.isInsecure(own)).isFalse();

        KafkaTestClients.publishBurst(List.of(remove(streamTags.get(0), shared), remove(alone, own)));
        await().atMost(PATIENCE).until(() -> database.followersOf(shared) == 5 && database.scheduledSources(own) == 0);
        assertThat(database.isInsecure(shared)).isFalse();
    }

    private static String source() {
        return "registry.invalid/" + unique("team-a") + "/app:v1";
    }

    private static Outgoing follow(StreamTagRef streamTag, String source, boolean insecure) {
        return specChange(
                SpecTags.specChanged(streamTag, ImageStreamTagSpecChanged.Change.CREATED, source, true, insecure));
    }

    private static Outgoing remove(StreamTagRef streamTag, String source) {
        return specChange(SpecTags.specChanged(streamTag, ImageStreamTagSpecChanged.Change.REMOVED, source, true));
    }

    private static Outgoing specChange(ImageStreamTagSpecChanged event) {
        return Outgoing.event(
                EventType.IMAGESTREAM_TAG_SPEC_CHANGED,
                KafkaTestClients.newEventId(),
                event.streamTag().key(),
                event);
    }
}
