package dev.tagline.imports.messaging;

import dev.tagline.events.Topics;
import dev.tagline.imports.config.ImportsConfig;
import dev.tagline.imports.domain.OutboxMessage;
import dev.tagline.imports.domain.Timestamps;
import dev.tagline.imports.store.FreshContext;
import dev.tagline.imports.store.OutboxRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Relays the outbox to {@code registry-tag-events} after commit, oldest first, keyed by registry tag. Rows are
 * marked published only after the broker acknowledged them (acks=all); a crash in between relays them again
 * with the same {@code ce_id}, which consumers dedupe. It runs when an import commits and, to pick up whatever a
 * crashed replica left behind, on a timer; one replica at a time (an advisory lock).
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = Topics.REGISTRY_TAG_EVENTS;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** A batch is sent at once, so it must fit the emitter's buffer. */
    private static final int EMITTER_BUFFER = 1024;

    private final MutinyEmitter<String> emitter;
    private final OutboxRepository outbox;
    private final Vertx vertx;
    private final int batchSize;
    private final String eventSource;
    private final Duration runTimeout;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    public OutboxRelay(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = EMITTER_BUFFER)
            MutinyEmitter<String> emitter, OutboxRepository outbox, Vertx vertx, ImportsConfig config) {
        if (config.outbox().batchSize() < 1 || config.outbox().batchSize() > EMITTER_BUFFER) {
            throw new IllegalArgumentException("tagline.imports.outbox.batch-size must be between 1 and "
                    + EMITTER_BUFFER);
        }
        this.emitter = emitter;
        this.outbox = outbox;
        this.vertx = vertx;
        this.batchSize = config.outbox().batchSize();
        this.eventSource = config.outbox().eventSource();
        this.runTimeout = config.outbox().runTimeout();
    }

    /** Asks for a relay run; a request made while one runs starts another when it ends. */
    public void nudge() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            requested.set(false);
            start();
        }
    }

    @Scheduled(every = "${tagline.imports.outbox.poll-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayLeftovers() {
        nudge();
    }

    private void start() {
        FreshContext.run(vertx, this::relayAll, failure -> {
            if (failure != null) {
                LOG.warnf("Relaying the outbox failed, will retry: %s", failure.toString());
            }
            finish();
        });
    }

    private void finish() {
        running.set(false);
        if (requested.get() && running.compareAndSet(false, true)) {
            requested.set(false);
            start();
        }
    }

    private Uni<Void> relayAll() {
        return relayBatch().chain(relayed -> relayed == batchSize ? relayAll() : Uni.createFrom().voidItem());
    }

    /**
     * A batch that hangs is abandoned after the run timeout, so that it cannot hold the relay lock for ever; its
     * rows stay unpublished and go out with the next run.
     *
     * @return how many messages were relayed
     */
    private Uni<Integer> relayBatch() {
        return Panache.withTransaction(() -> outbox.tryLockRelay().chain(locked -> locked
                        ? outbox.oldestUnpublished(batchSize).chain(this::publish)
                        : Uni.createFrom().item(0)))
                .ifNoItem().after(runTimeout).fail();
    }

    private Uni<Integer> publish(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> sends = messages.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast()
                .chain(() -> outbox.markPublished(messages.stream().map(message -> message.id).toList(),
                        Timestamps.now()))
                .replaceWith(messages.size());
    }

    private Uni<Void> send(OutboxMessage message) {
        RecordHeaders headers = new RecordHeaders();
        message.cloudEvent(eventSource).toHeaders().forEach(headers::add);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.eventType().topic())
                .withKey(message.recordKey)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(message.payload).addMetadata(metadata));
    }
}
