package dev.tagline.support.outbox;

import dev.tagline.support.context.CoalescedRuns;
import dev.tagline.support.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Relays a service's transactional outbox to Kafka after commit, oldest first, one replica at a time (the store's
 * relay lock). Rows are marked published only after the broker acknowledged them (acks=all); a crash in between
 * relays them again with the same {@code ce_id}, which consumers dedupe. It runs when nudged (a change committed) and
 * on the service's timer, to pick up whatever a crashed instance left behind. Each service wires one to its channel.
 */
public final class OutboxRelayer<M extends OutboxRecord> {

    /** A batch is sent at once, so it must fit the emitter's buffer: the size each service gives its channel. */
    public static final int EMITTER_BUFFER = 1024;

    /**
     * The service's relay settings.
     *
     * @param configPrefix where they are configured, e.g. {@code tagline.tags.outbox}, to name them in errors
     * @param runTimeout how long one batch may take before it is abandoned
     */
    public record Settings(String configPrefix, int batchSize, String eventSource, Duration runTimeout) {

        public Settings {
            if (batchSize < 1 || batchSize > EMITTER_BUFFER) {
                throw new IllegalArgumentException(
                        configPrefix + ".batch-size must be between 1 and " + EMITTER_BUFFER);
            }
        }
    }

    private final MutinyEmitter<String> emitter;
    private final OutboxStore<M> store;
    private final Settings settings;
    private final CoalescedRuns runs;

    public OutboxRelayer(MutinyEmitter<String> emitter, OutboxStore<M> store, Vertx vertx, Settings settings) {
        this.emitter = emitter;
        this.store = store;
        this.settings = settings;
        this.runs = new CoalescedRuns(vertx, "Relaying the outbox", this::relayAll);
    }

    /** Asks for a relay run; a request made while one runs starts another when it ends. */
    public void nudge() {
        runs.request();
    }

    private Uni<Void> relayAll() {
        return relayBatch()
                .chain(relayed -> relayed == settings.batchSize() ? relayAll() : Uni.createFrom().voidItem());
    }

    /**
     * A batch that hangs is abandoned after the run timeout, so that it cannot hold the relay lock and the running
     * flag for ever; its rows stay unpublished and go out with the next run.
     *
     * @return how many messages were relayed
     */
    private Uni<Integer> relayBatch() {
        return Panache.withTransaction(() -> store.tryLockRelay().chain(locked -> locked
                        ? store.oldestUnpublished(settings.batchSize()).chain(this::publish)
                        : Uni.createFrom().item(0)))
                .ifNoItem().after(settings.runTimeout()).fail();
    }

    private Uni<Integer> publish(List<M> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> sends = messages.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast()
                .chain(() -> store.markPublished(messages.stream().map(OutboxRecord::id).toList(), Timestamps.now()))
                .replaceWith(messages.size());
    }

    private Uni<Void> send(M message) {
        RecordHeaders headers = new RecordHeaders();
        message.cloudEvent(settings.eventSource()).toHeaders().forEach(headers::add);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic())
                .withKey(message.recordKey())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(message.payload()).addMetadata(metadata));
    }
}
