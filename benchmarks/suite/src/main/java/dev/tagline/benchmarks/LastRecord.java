package dev.tagline.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The size of a record the services actually wrote, so that Kafka's own tool sends records as large. */
final class LastRecord {

    private LastRecord() {}

    /** Key, value and header bytes of the last record of partition 0 of {@code topic}. */
    static int bytesIn(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            if (end == 0) {
                throw new IllegalStateException(topic + " has no record to size");
            }
            consumer.seek(partition, end - 1);
            for (int attempt = 0; attempt < 20; attempt++) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    int headers = 0;
                    for (Header header : record.headers()) {
                        headers += header.key().length() + header.value().length;
                    }
                    return (record.key() == null ? 0 : record.key().length) + record.value().length + headers;
                }
            }
            throw new IllegalStateException("Could not read the last record of " + topic);
        }
    }
}
