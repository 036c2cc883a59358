package dev.tagline.gateway.messaging;

import dev.tagline.events.Topics;
import dev.tagline.gateway.domain.OutgoingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes the events of one webhook request and completes only when Kafka acknowledged every one of them
 * ({@code acks=all}, idempotent producer), or fails as soon as one is refused. One producer serves all requests,
 * batching records of concurrent requests ({@code linger.ms}).
 *
 * <p>{@link Producer#send} can block (waiting for topic metadata, or for buffer space when the broker is slow), so it
 * runs on a sender thread of its own, never on the event loop; its queue is bounded. While the broker is known to
 * be unreachable, requests are refused at once (see {@link BrokerAvailability}) rather than queued behind each
 * other's timeouts. Completions return to the request's Vert.x context.
 */
@ApplicationScoped
public class EventPublisher {

    private static final int SEND_QUEUE = 10_000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    private final Producer<String, byte[]> producer;
    private final KafkaClientMetrics metrics;
    private final BrokerAvailability availability = new BrokerAvailability(PROBE_INTERVAL, System::nanoTime);
    private final ThreadPoolExecutor sender =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(SEND_QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "webhook-gateway-kafka-send");
                thread.setDaemon(true);
                return thread;
            });

    public EventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, MeterRegistry registry) {
        this.producer = new KafkaProducer<>(ProducerSettings.of(kafka));
        this.metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
    }

    /** Learns the topics' partitions before the first webhook, which would otherwise wait for them. */
    void warmUp(@Observes StartupEvent started) {
        sender.execute(() -> {
            for (String topic : List.of(Topics.REGISTRY_TAG_EVENTS, Topics.IMPORT_REQUESTS)) {
                try {
                    producer.partitionsFor(topic);
                } catch (RuntimeException unreachable) {
                    // The first webhook for the topic will try again.
                }
            }
        });
    }

    /** Completes when every event is acknowledged; fails with {@link BrokerUnavailableException} otherwise. */
    public Uni<Void> publish(List<OutgoingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (!availability.mayTry()) {
            return Uni.createFrom().failure(new BrokerUnavailableException("Kafka is unreachable", null));
        }
        Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> {
            AtomicBoolean abandoned = new AtomicBoolean();
            // A request answered meanwhile (timed out) need not be sent at all: the sender retries it anyway.
            emitter.onTermination(() -> abandoned.set(true));
            try {
                sender.execute(() -> {
                    if (!abandoned.get()) {
                        sendAll(events, new Acknowledgements(events.size(), emitter, context, availability));
                    }
                });
            } catch (RejectedExecutionException e) {
                emitter.fail(new BrokerUnavailableException("too many events wait for Kafka", e));
            }
        });
    }

    private void sendAll(List<OutgoingEvent> events, Acknowledgements acknowledgements) {
        for (OutgoingEvent event : events) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(), event.data());
            event.headers()
                    .toHeaders()
                    .forEach((name, value) -> record.headers().add(name, value));
            try {
                producer.send(record, acknowledgements);
            } catch (RuntimeException e) {
                acknowledgements.onCompletion(null, e);
                return;
            }
        }
    }

    @PreDestroy
    void close() {
        sender.shutdown();
        metrics.close();
        // Flushes what is in flight; requests still waiting get their acknowledgement or their failure.
        producer.close(CLOSE_TIMEOUT);
    }

    /** Counts the acknowledgements of one request's records; the first failure fails the request. */
    private static final class Acknowledgements implements Callback {

        private final AtomicInteger outstanding;
        private final AtomicBoolean done = new AtomicBoolean();
        private final UniEmitter<? super Void> emitter;
        private final Context context;
        private final BrokerAvailability availability;

        Acknowledgements(
                int records, UniEmitter<? super Void> emitter, Context context, BrokerAvailability availability) {
            this.outstanding = new AtomicInteger(records);
            this.emitter = emitter;
            this.context = context;
            this.availability = availability;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception failure) {
            if (failure != null) {
                availability.failed(failure);
                if (done.compareAndSet(false, true)) {
                    onContext(() -> emitter.fail(
                            new BrokerUnavailableException("Kafka did not acknowledge an event", failure)));
                }
            } else if (outstanding.decrementAndGet() == 0 && done.compareAndSet(false, true)) {
                availability.acknowledged();
                onContext(() -> emitter.complete(null));
            }
        }

        /** Off the producer's I/O thread, which must not serialise HTTP answers. */
        private void onContext(Runnable completion) {
            if (context == null) {
                completion.run();
            } else {
                context.runOnContext(ignored -> completion.run());
            }
        }
    }
}
