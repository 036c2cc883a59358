package dev.tagline.systemtests.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Every record of a topic, read from the start of each partition to its end, as another team's consumer reads it. */
final class TopicRecords {

    /** A record's value and its {@code ce_id} header. */
    record Read(String value, String ceId) {}

    private TopicRecords() {}

    static List<Read> all(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<Read> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    String ceId = Optional.ofNullable(record.headers().lastHeader("ce_id"))
                            .map(Header::value)
                            .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                            .orElse(null);
                    records.add(new Read(record.value(), ceId));
                }
            }
            return records;
        }
    }

    /** How many records the topic holds, over all its partitions. */
    static long count(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new java.util.HashMap<>();
            partitions.forEach(info -> {
                latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(topic, info.partition()), OffsetSpec.earliest());
            });
            long end = admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
            long start = admin.listOffsets(earliest).all().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
            return end - start;
        } catch (Exception e) {
            throw new IllegalStateException("Could not count the records of " + topic, e);
        }
    }
}
