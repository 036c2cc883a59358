package dev.tagline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Stops a real in-JVM broker, as an outage would, and starts it again on the same address. */
class KafkaBrokerRestartTest {

    private static final String TOPIC = "outage";

    @Test
    void a_stopped_broker_refuses_records_and_after_a_restart_has_kept_the_earlier_ones() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start()) {
            broker.createTopic(TOPIC, 1);
            send(broker, "before", Duration.ofSeconds(30));

            broker.stop();
            assertThrows(ExecutionException.class, () -> send(broker, "during", Duration.ofSeconds(2)));

            broker.restart();
            send(broker, "after", Duration.ofSeconds(30));
            assertEquals(List.of("before", "after"), readAll(broker, 2));
        }
    }

    private static void send(KafkaBroker broker, String value, Duration timeout) throws Exception {
        int millis = (int) timeout.toMillis();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                millis,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                millis,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                millis,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            producer.send(new ProducerRecord<>(TOPIC, value)).get();
        }
    }

    private static List<String> readAll(KafkaBroker broker, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<String> values = new ArrayList<>();
            // Bounded so that a broken broker fails the test instead of hanging it.
            for (int polls = 0; polls < 150 && values.size() < expected; polls++) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
