package dev.tagline.testkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** A Kafka cluster that tests and the local stack can produce to and consume from. */
public interface KafkaCluster extends AutoCloseable {

    /**
     * The one cluster shared by every test of this JVM, whichever Quarkus app or test profile asks: the one that
     * {@code KAFKA_BOOTSTRAP_SERVERS} names, else a Testcontainers broker if a Docker daemon answers, else an in-JVM
     * broker. It runs until the JVM exits; closing the returned handle does nothing.
     */
    static KafkaCluster shared() {
        return SharedKafka.get();
    }

    String bootstrapServers();

    /** Creates the topic unless it already exists; the cluster's default replication factor applies. */
    default void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty())))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + name, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        }
    }

    @Override
    void close();
}
