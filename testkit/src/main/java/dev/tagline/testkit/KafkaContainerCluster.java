package dev.tagline.testkit;

import org.testcontainers.kafka.KafkaContainer;

/** A Kafka broker in a Testcontainers container, for machines where a Docker daemon answers. */
final class KafkaContainerCluster implements KafkaCluster {

    private static final String IMAGE = "apache/kafka:4.1.1";

    private final KafkaContainer container;

    private KafkaContainerCluster(KafkaContainer container) {
        this.container = container;
    }

    static KafkaContainerCluster start() {
        KafkaContainer container = new KafkaContainer(IMAGE);
        container.start();
        return new KafkaContainerCluster(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
