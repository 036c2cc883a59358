package dev.tagline.tags;

import static dev.tagline.tags.TestData.digest;
import static dev.tagline.tags.TestData.pushed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.Topics;
import dev.tagline.testkit.KafkaTestClients;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Poison records on the real broker go to the dead-letter topic and consumption goes on. */
@QuarkusTest
class DeadLetterTest {

    @Test
    void malformed_records_land_in_the_dlq_and_the_next_good_record_is_still_applied() {
        FollowedTag followed = FollowedTag.create();
        String source = followed.source();
        String repository = followed.repository();

        KafkaTestClients.publishRaw(Topics.REGISTRY_TAG_EVENTS, source, headers(source), "{not json");
        KafkaTestClients.publishRaw(
                Topics.REGISTRY_TAG_EVENTS, source, Map.of(), EventJson.write(pushed(repository, "v1", digest())));
        KafkaTestClients.publishRaw(
                Topics.REGISTRY_TAG_EVENTS,
                source,
                headers(source),
                EventJson.write(pushed(repository, "v1", "sha256:abc")));
        KafkaTestClients.publishRaw(
                Topics.REGISTRY_TAG_EVENTS,
                source,
                headers(source),
                EventJson.write(pushed(repository, "v1", digest(), TestData.target("Team_A", "app", "v1"))));
        KafkaTestClients.publishRaw(
                Topics.REGISTRY_TAG_EVENTS,
                source,
                new CloudEventHeaders("x".repeat(5000), "/tests", EventType.REGISTRY_TAG_CHANGED, source, Instant.now())
                        .toHeaders(),
                EventJson.write(pushed(repository, "v1", digest())));
        KafkaTestClients.publishRaw(
                Topics.REGISTRY_TAG_EVENTS,
                source,
                headers(source),
                EventJson.write(pushed(repository, "v1", "blake3:" + "a".repeat(8000))));
        String good = digest();
        followed.push(good);

        followed.awaitHistory(1);
        List<KafkaTestClients.Consumed> deadLetters = KafkaTestClients.read(
                Topics.deadLetter(Topics.REGISTRY_TAG_EVENTS),
                record -> source.equals(record.key()),
                6,
                Duration.ofSeconds(1),
                Duration.ofSeconds(20));
        assertThat(deadLetters).hasSize(6);
        assertThat(deadLetters.get(0).value()).isEqualTo("{not json");
        assertThat(deadLetters)
                .allSatisfy(record -> assertThat(record.headers()).containsKey("dead-letter-reason"));
        assertThat(deadLetters.get(3).headers().get("dead-letter-reason")).contains("target.namespace");
    }

    private static Map<String, byte[]> headers(String subject) {
        return new CloudEventHeaders(
                        KafkaTestClients.newEventId(), "/tests", EventType.REGISTRY_TAG_CHANGED, subject, Instant.now())
                .toHeaders();
    }
}
