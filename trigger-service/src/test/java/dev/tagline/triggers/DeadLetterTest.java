package dev.tagline.triggers;

import static dev.tagline.triggers.TestData.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagDeleted;
import dev.tagline.events.Topics;
import dev.tagline.testkit.KafkaTestClients;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On the real broker: other event types pass by, poison {@code tag.updated} records go to the dead-letter topic,
 * and consumption goes on.
 */
@QuarkusTest
class DeadLetterTest {

    private final TriggersDatabase database = TriggersDatabase.ofApp();

    @Test
    void other_types_pass_by_malformed_updates_are_dead_lettered_and_the_next_good_update_fires() {
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        TriggersApi.created(tag.namespace(), TriggersApi.deployTrigger("web", tag, null, null));
        String key = tag.key();

        KafkaTestClients.publish(
                EventType.IMAGESTREAM_TAG_DELETED,
                KafkaTestClients.newEventId(),
                key,
                new ImageStreamTagDeleted(
                        tag.namespace(),
                        tag.stream(),
                        tag.tag(),
                        ImageStreamTagDeleted.Reason.REMOVED,
                        null,
                        Instant.now()));
        Map<String, byte[]> future = new HashMap<>(headers(key));
        future.put(CloudEventHeaders.TYPE, "dev.tagline.imagestream.tag.renamed".getBytes(StandardCharsets.UTF_8));
        KafkaTestClients.publishRaw(Topics.IMAGESTREAM_TAG_EVENTS, key, future, "{\"anything\":true}");

        KafkaTestClients.publishRaw(Topics.IMAGESTREAM_TAG_EVENTS, key, headers(key), "{not json");
        KafkaTestClients.publishRaw(
                Topics.IMAGESTREAM_TAG_EVENTS, key, Map.of(), EventJson.write(tag.update(digest())));
        KafkaTestClients.publishRaw(
                Topics.IMAGESTREAM_TAG_EVENTS, key, headers(key), EventJson.write(tag.update("sha256:abc")));
        KafkaTestClients.publishRaw(
                Topics.IMAGESTREAM_TAG_EVENTS,
                key,
                headers(key),
                EventJson.write(TestData.tagUpdated("Team_A", "app", "prod", digest(), 1)));
        String good = digest();
        tag.moveTo(good);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> database.firedDigests(tag.namespace(), "web").contains(good));
        assertThat(database.firedDigests(tag.namespace(), "web")).containsExactly(good);
        List<KafkaTestClients.Consumed> deadLetters = KafkaTestClients.read(
                Topics.deadLetter(Topics.IMAGESTREAM_TAG_EVENTS),
                record -> key.equals(record.key()),
                4,
                Duration.ofSeconds(1),
                Duration.ofSeconds(20));
        assertThat(deadLetters).hasSize(4);
        assertThat(deadLetters.get(0).value()).isEqualTo("{not json");
        assertThat(deadLetters)
                .allSatisfy(record -> assertThat(record.headers()).containsKey("dead-letter-reason"));
        assertThat(deadLetters.get(2).headers().get("dead-letter-reason")).contains("sha256:abc");
    }

    private static Map<String, byte[]> headers(String subject) {
        return new CloudEventHeaders(
                        KafkaTestClients.newEventId(),
                        "/tests",
                        EventType.IMAGESTREAM_TAG_UPDATED,
                        subject,
                        Instant.now())
                .toHeaders();
    }
}
