package dev.tagline.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Another team's consumer of {@code trigger-actions}, from the end of the topic on: hands each action (its image
 * digest, what a consumer dedupes by, and the record's timestamp) to the benchmark as soon as it is polled.
 */
final class ActionWatcher implements AutoCloseable {

    /**
     * One {@code trigger-actions} record as a consumer sees it.
     *
     * @param timestampMillis the record's own timestamp: when the trigger-service's relay produced it
     */
    record Action(String digest, String idempotencyKey, String ceId, long timestampMillis) {}

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    ActionWatcher(String bootstrapServers, Consumer<Action> onAction) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        // As a latency-minded consumer would: return what is there at once.
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                        10),
                new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRIGGER_ACTIONS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(
                () -> {
                    while (running) {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                            onAction.accept(actionIn(record));
                        }
                    }
                    consumer.close();
                },
                "trigger-actions-watcher");
        thread.start();
    }

    /** An action that is not JSON has no digest, so it matches no move and counts as unexpected. */
    private static Action actionIn(ConsumerRecord<String, String> record) {
        Header ceId = record.headers().lastHeader(CloudEventHeaders.ID);
        String id = ceId == null ? "" : new String(ceId.value(), StandardCharsets.UTF_8);
        try {
            JsonNode action = EventJson.mapper().readTree(record.value());
            return new Action(
                    action.at("/image/digest").asText(),
                    action.at("/idempotencyKey").asText(),
                    id,
                    record.timestamp());
        } catch (IOException e) {
            return new Action("", "", id, record.timestamp());
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
