package dev.tagline.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Consumer-group offsets, set as {@code kafka-consumer-groups --reset-offsets --to-latest} would. */
final class TopicOffsets {

    private TopicOffsets() {}

    /**
     * Commits the end of every partition of {@code topic} for {@code group}, which must have no members: what the
     * group's consumers will read starts after what is there now.
     */
    static void skipTo(String bootstrapServers, String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> ends =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                            .collect(Collectors.toMap(
                                    p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                    admin.listOffsets(ends).all().get();
            admin.alterConsumerGroupOffsets(
                            group,
                            offsets.entrySet().stream()
                                    .collect(Collectors.toMap(
                                            Map.Entry::getKey,
                                            entry -> new OffsetAndMetadata(
                                                    entry.getValue().offset()))))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not move " + group + " to the end of " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
