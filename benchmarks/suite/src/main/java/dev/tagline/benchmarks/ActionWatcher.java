package dev.tagline.benchmarks;

import dev.tagline.events.EventJson;
import dev.tagline.events.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Another team's consumer of {@code trigger-actions}, from the end of the topic on: hands each action's image digest
 * to the benchmark as soon as it is polled.
 */
final class ActionWatcher implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    ActionWatcher(String bootstrapServers, Consumer<String> onAction) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // As a latency-minded consumer would: return what is there at once.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRIGGER_ACTIONS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(() -> {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    onAction.accept(digestIn(record.value()));
                }
            }
            consumer.close();
        }, "trigger-actions-watcher");
        thread.start();
    }

    private static String digestIn(String action) {
        try {
            return EventJson.mapper().readTree(action).at("/image/digest").asText();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
