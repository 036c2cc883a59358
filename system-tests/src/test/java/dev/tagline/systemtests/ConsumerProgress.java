package dev.tagline.systemtests;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a service's consumer group has committed on a partition. The services commit a record's offset only after
 * the transaction that applied it committed, so a committed offset past a record proves the record was applied.
 */
final class ConsumerProgress {

    private ConsumerProgress() {}

    /** Whether {@code group} has committed past {@code offset} on the partition. */
    static boolean hasApplied(String bootstrapServers, String group, String topic, int partition, long offset) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(new TopicPartition(topic, partition));
            // The committed offset is that of the next record to read.
            return committed != null && committed.offset() > offset;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read the offsets of " + group, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
