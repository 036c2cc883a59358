package dev.tagline.deployment;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The topics testkit creates when it runs the services, with their partitions: what every deployment of the services
 * must create too, so that docker-compose and Kubernetes match the stack the tests run.
 */
final class StackTopics {

    /**
     * Where testkit keeps its list, a {@code TOPICS} constant of {@code Topic(name, partitions)} records: the local
     * stack's launcher holds it privately, and it is moving to a public {@code TaglineStack.TOPICS}. Read
     * reflectively from whichever class has it, so that this check does not depend on where the list lives.
     */
    private static final List<String> HOLDERS = List.of("dev.tagline.testkit.TaglineStack", "dev.tagline.testkit.LocalStack");

    private StackTopics() {
    }

    /** Partitions by topic name. */
    static Map<String, Integer> partitionsByTopic() {
        for (String holder : HOLDERS) {
            try {
                Field topics = Class.forName(holder).getDeclaredField("TOPICS");
                topics.setAccessible(true);
                return read((List<?>) topics.get(null));
            } catch (ClassNotFoundException | NoSuchFieldException notHere) {
                // The next holder, then.
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("testkit has no TOPICS list in any of " + HOLDERS);
    }

    private static Map<String, Integer> read(List<?> topics) {
        Map<String, Integer> partitions = new TreeMap<>();
        for (Object topic : topics) {
            partitions.put((String) component(topic, "name"), (Integer) component(topic, "partitions"));
        }
        return partitions;
    }

    private static Object component(Object topic, String name) {
        if (!topic.getClass().isRecord()) {
            throw new IllegalStateException("testkit's topics are no longer records: " + topic.getClass());
        }
        for (RecordComponent component : topic.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                try {
                    return accessor.invoke(topic);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException(topic.getClass() + " has no record component " + name);
    }
}
