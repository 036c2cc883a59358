package dev.tagline.support.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Applies a polled batch partition by partition, each partition's records in offset order:
 * <ol>
 *   <li>a record that fails validation is dead-lettered alone;</li>
 *   <li>the valid records apply together in one transaction, retried with backoff while the failure may pass (the
 *       database is down, a deadlock), so that nothing behind them moves first;</li>
 *   <li>when the batch fails for good (data the database refuses), its records are applied one at a time, each
 *       retried the same way, and only the one that still fails for good is dead-lettered.</li>
 * </ol>
 * The returned Uni completes once every record is applied or dead-lettered; the connector then commits the batch's
 * offsets. A crash before that redelivers the batch, and the applied-event log makes the redelivery change and
 * publish nothing.
 */
public final class PartitionBatches<E> {

    private final BatchSteps<E> steps;
    private final DeadLetters deadLetters;
    private final StuckRecordCheck stuck;

    public PartitionBatches(BatchSteps<E> steps, DeadLetters deadLetters, StuckRecordCheck stuck) {
        this.steps = steps;
        this.deadLetters = deadLetters;
        this.stuck = stuck;
    }

    /** @return whether any partition's {@link BatchSteps#apply} asked for follow-up work after commit */
    public Uni<Boolean> apply(ConsumerRecords<String, String> batch) {
        return Multi.createFrom()
                .iterable(batch.partitions())
                .onItem()
                .transformToUniAndConcatenate(partition -> applyPartition(partition, batch.records(partition)))
                .collect()
                .in(() -> new boolean[1], (changed, partitionChanged) -> changed[0] |= partitionChanged)
                .map(changed -> changed[0]);
    }

    private Uni<Boolean> applyPartition(TopicPartition partition, List<ConsumerRecord<String, String>> records) {
        List<ConsumerRecord<String, String>> valid = new ArrayList<>(records.size());
        List<E> events = new ArrayList<>(records.size());
        List<Uni<Void>> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(steps.validate(record));
                valid.add(record);
            } catch (RuntimeException invalid) {
                if (TransientRetry.isTransient(invalid)) {
                    throw invalid;
                }
                rejected.add(deadLetters.send(record, invalid));
            }
        }
        Uni<Boolean> applied = events.isEmpty()
                ? Uni.createFrom().item(false)
                : TransientRetry.apply(describe(partition, valid), () -> steps.apply(events), stuck)
                        .onFailure(failure -> !TransientRetry.isTransient(failure) && events.size() > 1)
                        .recoverWithUni(() -> oneAtATime(valid, events));
        Uni<Void> deadLettered = rejected.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(rejected).andFailFast().replaceWithVoid();
        return deadLettered
                .chain(() -> applied)
                .onFailure(failure -> !TransientRetry.isTransient(failure))
                .recoverWithUni(
                        failure -> deadLetters.send(valid.get(0), failure).replaceWith(false));
    }

    private Uni<Boolean> oneAtATime(List<ConsumerRecord<String, String>> records, List<E> events) {
        return Multi.createFrom()
                .range(0, records.size())
                .onItem()
                .transformToUniAndConcatenate(i -> TransientRetry.apply(
                                describe(records.get(i)), () -> steps.apply(List.of(events.get(i))), stuck)
                        .onFailure(failure -> !TransientRetry.isTransient(failure))
                        .recoverWithUni(failure ->
                                deadLetters.send(records.get(i), failure).replaceWith(false)))
                .collect()
                .in(() -> new boolean[1], (changed, recordChanged) -> changed[0] |= recordChanged)
                .map(changed -> changed[0]);
    }

    private static String describe(TopicPartition partition, List<ConsumerRecord<String, String>> records) {
        return records.size() == 1
                ? describe(records.get(0))
                : partition + "@" + records.get(0).offset() + ".."
                        + records.get(records.size() - 1).offset();
    }

    private static String describe(ConsumerRecord<?, ?> record) {
        return TransientRetry.describe(record);
    }
}
