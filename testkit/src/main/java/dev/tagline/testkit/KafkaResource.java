package dev.tagline.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a Quarkus test app at the JVM-wide Kafka cluster, so that apps of other test profiles see the same topics. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", KafkaCluster.shared().bootstrapServers());
    }

    // The shared cluster outlives this app; a JVM shutdown hook stops it.
    @Override
    public void stop() {}
}
