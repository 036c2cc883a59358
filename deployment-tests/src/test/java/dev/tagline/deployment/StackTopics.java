package dev.tagline.deployment;

import dev.tagline.testkit.TaglineStack;
import java.util.Map;
import java.util.TreeMap;

/**
 * The topics testkit's {@link TaglineStack} creates when it runs the services, with their partitions: what every
 * deployment of the services must create too, so that docker-compose and Kubernetes match the stack the tests run.
 */
final class StackTopics {

    private StackTopics() {}

    /** Partitions by topic name. */
    static Map<String, Integer> partitionsByTopic() {
        Map<String, Integer> partitions = new TreeMap<>();
        TaglineStack.TOPICS.forEach(topic -> partitions.put(topic.name(), topic.partitions()));
        return partitions;
    }
}
