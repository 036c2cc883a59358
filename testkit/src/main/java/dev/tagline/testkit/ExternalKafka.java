package dev.tagline.testkit;

/** A Kafka cluster that someone else runs; closing it leaves it running. */
record ExternalKafka(String bootstrapServers) implements KafkaCluster {

    @Override
    public void close() {}
}
