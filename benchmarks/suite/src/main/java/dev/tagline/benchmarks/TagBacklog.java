package dev.tagline.benchmarks;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.Origin;
import dev.tagline.events.RegistryTagChanged;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Stream tags following registry tags ({@code streams × tagsPerStream} of them in one namespace), and registry tag
 * changes for them put on {@code registry-tag-events} at once, as a backlog for the tag-service to work off: each
 * event a new digest for the next tag in turn, as the gateway would publish pushes.
 */
final class TagBacklog {

    private static final String SOURCE = "/webhooks/bench";

    private final BenchStack stack;
    private final String namespace;
    private final int streams;
    private final int tagsPerStream;

    TagBacklog(BenchStack stack, String namespace, int streams, int tagsPerStream) {
        this.stack = stack;
        this.namespace = namespace;
        this.streams = streams;
        this.tagsPerStream = tagsPerStream;
    }

    String namespace() {
        return namespace;
    }

    int streams() {
        return streams;
    }

    int tagsPerStream() {
        return tagsPerStream;
    }

    int tags() {
        return streams * tagsPerStream;
    }

    String stream(int index) {
        return "s%02d".formatted(index);
    }

    /** Creates the streams through the tag-service's API, tag {@code tN} of each following the registry's. */
    void createStreams() {
        for (int s = 0; s < streams; s++) {
            ImageStreams.create(stack, namespace, stream(s), stack.registryHost(), tagsPerStream, false);
        }
    }

    /** {@code count} digests never seen before, one for each move to put. */
    static List<String> newDigests(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> DistributionWebhooks.digestOf(UUID.randomUUID().toString()))
                .toList();
    }

    /**
     * Puts one tag change for each of {@code digests}, the first for tag 0, the next for tag 1 and so on round the
     * tags, and returns once the broker has them all.
     *
     * @return the first record's own timestamp, as the producer stamped it
     */
    Instant put(List<String> digests) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafka().bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new StringSerializer())) {
            Future<RecordMetadata> first = null;
            for (int i = 0; i < digests.size(); i++) {
                int key = i % tags();
                String eventId = UUID.randomUUID().toString();
                String digest = digests.get(i);
                RegistryTagChanged change = new RegistryTagChanged(
                        stack.registryHost(),
                        namespace + "/" + stream(key / tagsPerStream),
                        "t" + key % tagsPerStream,
                        digest,
                        "application/vnd.oci.image.manifest.v1+json",
                        1024L,
                        List.of(),
                        Instant.now(),
                        new Origin(Origin.Kind.WEBHOOK, SOURCE, eventId, null),
                        null);
                ProducerRecord<String, String> record = new ProducerRecord<>(
                        EventType.REGISTRY_TAG_CHANGED.topic(), change.key(), EventJson.write(change));
                new CloudEventHeaders(eventId, SOURCE, EventType.REGISTRY_TAG_CHANGED, change.key(), Instant.now())
                        .toHeaders()
                        .forEach((name, value) -> record.headers().add(name, value));
                Future<RecordMetadata> sent = producer.send(record);
                if (first == null) {
                    first = sent;
                }
            }
            producer.flush();
            return first == null
                    ? Instant.now()
                    : Instant.ofEpochMilli(first.get().timestamp());
        } catch (ExecutionException e) {
            throw new IllegalStateException("The broker refused the backlog's first record", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
