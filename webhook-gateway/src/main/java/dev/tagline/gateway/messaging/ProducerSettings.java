package dev.tagline.gateway.messaging;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer configuration: the application's {@code kafka.*} settings, bounded timeouts unless those set
 * others, and the durability the gateway's 2xx promises, which no setting can weaken.
 */
final class ProducerSettings {

    /** Defaults that answer a registry within seconds when Kafka is unreachable, so that it retries. */
    private static final Map<String, Object> DEFAULTS = Map.of(
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000,
            ProducerConfig.CLIENT_ID_CONFIG, "webhook-gateway");

    /** A 2xx means the broker has the events on every in-sync replica, and retries never write them twice. */
    private static final Map<String, Object> REQUIRED = Map.of(
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ByteArraySerializer.class.getName());

    private static final String GROUP_ID = "group.id";

    private ProducerSettings() {}

    /** @param kafka the {@code kafka.*} settings without their prefix, as Quarkus collects them */
    static Map<String, Object> of(Map<String, Object> kafka) {
        Map<String, Object> settings = new HashMap<>(DEFAULTS);
        settings.putAll(cluster(kafka));
        settings.putAll(REQUIRED);
        return settings;
    }

    /** What any client needs to reach the cluster: the {@code kafka.*} settings, without the consumer group. */
    static Map<String, Object> cluster(Map<String, Object> kafka) {
        Map<String, Object> settings = new HashMap<>(kafka);
        // Quarkus adds a consumer group for consumers; producers and admin clients have no use for it.
        settings.remove(GROUP_ID);
        return settings;
    }
}
