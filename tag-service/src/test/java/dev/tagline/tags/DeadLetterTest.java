package dev.tagline.tags;

import static dev.tagline.tags.RegistryPushTest.awaitHistory;
import static dev.tagline.tags.RegistryPushTest.createStream;
import static dev.tagline.tags.TestData.REGISTRY;
import static dev.tagline.tags.TestData.digest;
import static dev.tagline.tags.TestData.pushed;
import static dev.tagline.tags.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.Topics;
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
        String namespace = unique("team");
        String repository = unique("team-a") + "/app";
        String source = REGISTRY + "/" + repository + ":v1";
        createStream(namespace, "app", "v1", source);
        Map<String, byte[]> headers = new CloudEventHeaders(KafkaTestClients.newEventId(), "/tests", 
                EventType.REGISTRY_TAG_CHANGED, source, Instant.now()).toHeaders();

        KafkaTestClients.publishRaw(Topics.REGISTRY_TAG_EVENTS, source, headers, "{not json");
        KafkaTestClients.publishRaw(Topics.REGISTRY_TAG_EVENTS, source, Map.of(), EventJson.write(
                pushed(repository, "v1", digest())));
        KafkaTestClients.publishRaw(Topics.REGISTRY_TAG_EVENTS, source, new CloudEventHeaders(
                KafkaTestClients.newEventId(), "/tests", EventType.REGISTRY_TAG_CHANGED, source, Instant.now())
                .toHeaders(), EventJson.write(pushed(repository, "v1", "sha256:abc")));
        String good = digest();
        KafkaTestClients.publish(EventType.REGISTRY_TAG_CHANGED, KafkaTestClients.newEventId(), source,
                pushed(repository, "v1", good));

        awaitHistory(namespace, "app:v1", 1);
        List<KafkaTestClients.Consumed> deadLetters = KafkaTestClients.read(
                Topics.deadLetter(Topics.REGISTRY_TAG_EVENTS), record -> source.equals(record.key()),
                Duration.ofSeconds(20), 3);
        assertThat(deadLetters).hasSize(3);
        assertThat(deadLetters.get(0).value()).isEqualTo("{not json");
        assertThat(deadLetters).allSatisfy(record -> assertThat(record.headers()).containsKey("dead-letter-reason"));
    }
}
