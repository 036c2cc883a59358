package dev.tagline.support.messaging;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a batch consumer does with one partition's records: it validates each record on its own, then applies the
 * valid ones in offset order, in as few transactions as it can.
 *
 * @param <E> a validated event
 */
public interface BatchSteps<E> {

    /**
     * Reads and checks the record before any database work.
     *
     * @throws dev.tagline.events.MalformedEventException when the record can never be applied
     */
    E validate(ConsumerRecord<String, String> record);

    /**
     * Applies the events in offset order. A failed call is made again with the same events, possibly after some of
     * its transactions committed: an event applied before must change nothing (the applied-event log).
     *
     * @return whether the consumer has work to start once the batch committed: outbox rows to relay, checks due
     */
    Uni<Boolean> apply(List<E> events);
}
