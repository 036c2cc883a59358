package dev.tagline.testkit;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain Kafka clients, as another team would use them, against the broker the service under test uses. */
public final class KafkaTestClients {

    /** A record as a consumer sees it: key, headers by name, value. */
    public record Consumed(String topic, String key, Map<String, String> headers, String value) {}

    private KafkaTestClients() {}

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Publishes a CloudEvent in binary mode to its type's topic and waits for the broker's acknowledgement. */
    public static void publish(EventType type, String id, String key, Object data) {
        publishRaw(
                type.topic(),
                key,
                new CloudEventHeaders(id, "/tests/producer", type, key, Instant.now()).toHeaders(),
                EventJson.write(data));
    }

    public static void publishRaw(String topic, String key, Map<String, byte[]> headers, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, bytes) -> record.headers().add(name, bytes));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** A record for {@link #publishBurst}: a CloudEvent in binary mode, or any value with any headers. */
    public record Outgoing(String topic, String key, Map<String, byte[]> headers, String value) {

        /** Data no consumer can read: a poison record. */
        public static final String UNREADABLE = "{not json";

        public static Outgoing event(EventType type, String id, String key, Object data) {
            return new Outgoing(
                    type.topic(),
                    key,
                    new CloudEventHeaders(id, "/tests/producer", type, key, Instant.now()).toHeaders(),
                    EventJson.write(data));
        }

        /** A record with the headers of an event of the type and {@link #UNREADABLE} data. */
        public static Outgoing unreadable(EventType type, String key) {
            return new Outgoing(
                    type.topic(),
                    key,
                    new CloudEventHeaders(newEventId(), "/tests/producer", type, key, Instant.now()).toHeaders(),
                    UNREADABLE);
        }
    }

    /**
     * Publishes the records in order in one go, without waiting between them, so that a consumer polls them as one
     * batch, and waits for the broker's acknowledgement of all.
     */
    public static void publishBurst(List<Outgoing> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (Outgoing outgoing : records) {
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(outgoing.topic(), outgoing.key(), outgoing.value());
                outgoing.headers().forEach((name, bytes) -> record.headers().add(name, bytes));
                sent.add(producer.send(record));
            }
            for (Future<?> ack : sent) {
                ack.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish a burst", e);
        }
    }

    /** What reached the topic's dead-letter topic under the key: waits for one, then for a quiet second. */
    public static List<Consumed> deadLettersOf(String topic, String key) {
        return read(
                Topics.deadLetter(topic),
                record -> key.equals(record.key()),
                1,
                Duration.ofSeconds(1),
                Duration.ofSeconds(20));
    }

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Reads the topic from the beginning until at least {@code atLeast} matching records arrived and then no
     * more for {@code quiet}, or until {@code within} ends. Tests use unique namespaces and repositories, so
     * what other tests wrote never matches. Partitions are assigned directly: no group rebalance to wait for.
     */
    public static List<Consumed> read(
            String topic, Predicate<Consumed> matches, int atLeast, Duration quiet, Duration within) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Consumed> matching = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            long deadline = System.nanoTime() + within.toNanos();
            long lastMatch = System.nanoTime();
            List<TopicPartition> partitions = List.of();
            // A topic nobody wrote to yet has no partitions: nothing to read until it appears.
            while (partitions.isEmpty()
                    && System.nanoTime() < deadline
                    && (atLeast > 0 || System.nanoTime() - lastMatch < quiet.toNanos())) {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
                if (partitions.isEmpty()) {
                    pause();
                }
            }
            if (partitions.isEmpty()) {
                return matching;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline
                    && (matching.size() < atLeast || System.nanoTime() - lastMatch < quiet.toNanos())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    Consumed consumed = new Consumed(record.topic(), record.key(), headersOf(record), record.value());
                    if (matches.test(consumed)) {
                        matching.add(consumed);
                        lastMatch = System.nanoTime();
                    }
                }
            }
        }
        return matching;
    }

    /**
     * The events of a type on {@code imagestream-tag-events} about a namespace: waits until {@code atLeast}
     * arrived, then a further second, so that a duplicate would be seen too.
     */
    public static List<Consumed> tagEventsOf(String namespace, EventType type, int atLeast) {
        return read(
                Topics.IMAGESTREAM_TAG_EVENTS,
                about(namespace, type),
                atLeast,
                Duration.ofSeconds(1),
                Duration.ofSeconds(20));
    }

    /** Every such event seen while reading for {@code readFor}, to prove that nothing (more) comes. */
    public static List<Consumed> allTagEventsOf(String namespace, EventType type, Duration readFor) {
        return read(Topics.IMAGESTREAM_TAG_EVENTS, about(namespace, type), 0, readFor, readFor.plusSeconds(10));
    }

    private static Predicate<Consumed> about(String namespace, EventType type) {
        return event -> event.key() != null
                && event.key().startsWith(namespace + "/")
                && type.type().equals(event.headers().get(CloudEventHeaders.TYPE));
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> headersOf(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
