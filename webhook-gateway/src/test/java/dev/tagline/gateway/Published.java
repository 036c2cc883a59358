package dev.tagline.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.events.Topics;
import dev.tagline.testkit.KafkaTestClients;
import dev.tagline.testkit.KafkaTestClients.Consumed;
import java.time.Duration;
import java.util.List;

/** What the gateway published, read back from the real broker with a plain consumer as another team would. */
public final class Published {

    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final Duration WITHIN = Duration.ofSeconds(20);

    private Published() {}

    /** The records of {@code topic} about {@code repository}: at least {@code atLeast}, then a further quiet second. */
    public static List<Consumed> about(String topic, String repository, int atLeast) {
        return KafkaTestClients.read(
                topic,
                record -> record.key() != null && record.key().contains("/" + repository),
                atLeast,
                QUIET,
                WITHIN);
    }

    /** Neither topic the gateway writes holds anything about {@code repository}. */
    public static void nothingAbout(String repository) {
        assertThat(about(Topics.REGISTRY_TAG_EVENTS, repository, 0)).isEmpty();
        assertThat(about(Topics.IMPORT_REQUESTS, repository, 0)).isEmpty();
    }
}
