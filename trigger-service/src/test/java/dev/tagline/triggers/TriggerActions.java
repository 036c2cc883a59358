package dev.tagline.triggers;

import dev.tagline.events.Topics;
import dev.tagline.testkit.KafkaTestClients;
import java.time.Duration;
import java.util.List;

/** {@code trigger-actions} read with a plain Kafka consumer, as another team's build or deploy system would. */
final class TriggerActions {

    private TriggerActions() {}

    /** The actions of the namespace's triggers: waits for {@code atLeast}, then a further second for any more. */
    static List<KafkaTestClients.Consumed> of(String namespace, int atLeast) {
        return KafkaTestClients.read(
                Topics.TRIGGER_ACTIONS,
                record -> record.key() != null && record.key().startsWith(namespace + "/"),
                atLeast,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30));
    }
}
