package dev.tagline.testkit;

/** Chooses, starts and holds the Kafka cluster that all tests of a JVM share; a shutdown hook stops it. */
final class SharedKafka {

    private static KafkaCluster cluster;

    private SharedKafka() {}

    static KafkaCluster get() {
        return new ExternalKafka((String) JvmWide.call(SharedKafka.class, "bootstrapServers"));
    }

    // Runs in the system class loader's copy of this class only (see JvmWide).
    private static synchronized String bootstrapServers() {
        if (cluster == null) {
            cluster = start();
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "tagline-kafka-shutdown"));
        }
        return cluster.bootstrapServers();
    }

    private static KafkaCluster start() {
        String given = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (given != null && !given.isBlank()) {
            return new ExternalKafka(given);
        }
        return Docker.daemonAnswers() ? KafkaContainerCluster.start() : KafkaBroker.start();
    }
}
