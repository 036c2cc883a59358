package dev.tagline.benchmarks;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.Origin;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.testkit.JdbcQueries;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark 3: how many registry tag changes the tag-service applies per second, each a new history row committed
 * with everything else its transaction writes; against pgbench inserting an equivalent row per transaction into a
 * copy of the history table on the same Postgres.
 */
final class HistoryThroughput {

    static final String TABLE = "3. tag-service: history rows committed";
    private static final String NAMESPACE = "bench-history";
    private static final int STREAMS = 10;
    private static final int TAGS_PER_STREAM = 100;
    private static final Duration APPLY_LIMIT = Duration.ofMinutes(10);
    /** Only this benchmark's rows: what an earlier benchmark left to apply must not count. */
    private static final String OF_THIS_BENCHMARK =
            " join tags.image_streams s on s.id = h.stream_id where s.namespace = '" + NAMESPACE + "'";
    private static final Duration PGBENCH_RUN = Duration.ofSeconds(15);
    private static final List<Integer> PGBENCH_CLIENTS = List.of(1, 8);
    /** One row as the tag-service writes it: a new generation of a tag, a new digest, a reference and a cause. */
    private static final String PGBENCH_SCRIPT = """
            \\set stream random(1, 1000)
            INSERT INTO bench_ceiling.tag_history (stream_id, stream_tag_id, tag, generation, digest,
              docker_image_reference, cause, created)
            VALUES (:stream, :stream, 't1', nextval('bench_ceiling.generation'),
              'sha256:' || md5(random()::text) || md5(random()::text),
              '127.0.0.1:5000/bench-history/h01@sha256:' || md5(random()::text), 'webhook', now());
            """;

    /** The tag-service's rate and the best pgbench rate, rows per second. */
    record Result(double tagServicePerSecond, double ceilingPerSecond) {
    }

    private final Settings settings;
    private final BenchStack stack;
    private final Report.Table table;
    private final JdbcQueries database;

    HistoryThroughput(Settings settings, BenchStack stack, Report report) {
        this.settings = settings;
        this.stack = stack;
        this.database = new JdbcQueries(stack.postgres().jdbcUrl(), stack.postgres().username(), stack.postgres().password());
        this.table = report.table(TABLE, """
                %,d registry.tag.changed events, each a new digest for one of %d stream tags, are put on \
                registry-tag-events at once (a backlog); the rate is the history rows the tag-service committed, \
                by their commit timestamps. The ceiling is pgbench on the same Postgres, one INSERT of an \
                equivalent row (same columns and indexes) per transaction, for %d s."""
                .formatted(settings.historyEvents(), STREAMS * TAGS_PER_STREAM, PGBENCH_RUN.toSeconds()),
                "writer", "clients", "rows/s", "of ceiling");
    }

    Optional<Result> run(Path workDirectory) {
        createStreams();
        double applied = applyBacklog();
        Optional<Path> pgbench = Pgbench.find();
        if (pgbench.isEmpty()) {
            table.row("tag-service", "3 partitions", applied, null);
            table.note("pgbench is not installed (apt-get install postgresql-client), so there is no ceiling.");
            return Optional.empty();
        }
        prepareCeilingTable();
        double best = 0;
        for (int clients : PGBENCH_CLIENTS) {
            double tps = Pgbench.transactionsPerSecond(pgbench.get(), stack.postgres(), PGBENCH_SCRIPT, clients,
                    settings.quick() ? Duration.ofSeconds(3) : PGBENCH_RUN, workDirectory);
            table.row("pgbench INSERT", clients, tps, null);
            best = Math.max(best, tps);
        }
        table.row("tag-service", "3 partitions", applied, String.format("%.0f%%", 100 * applied / best));
        return Optional.of(new Result(applied, best));
    }

    private void createStreams() {
        for (int s = 0; s < STREAMS; s++) {
            ImageStreams.create(stack, NAMESPACE, stream(s), stack.registryHost(), TAGS_PER_STREAM, false);
        }
    }

    private static String stream(int index) {
        return "h%02d".formatted(index);
    }

    /** Publishes the backlog and waits until every event is a history row; returns rows per second. */
    private double applyBacklog() {
        int events = settings.historyEvents();
        publish(events);
        long deadline = System.nanoTime() + APPLY_LIMIT.toNanos();
        String newRows = "select count(*) from tags.tag_history h" + OF_THIS_BENCHMARK;
        while (database.count(newRows) < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The tag-service applied only " + database.count(newRows) + " of "
                        + events + " events in " + APPLY_LIMIT);
            }
            Waiting.sleep(Duration.ofMillis(250));
        }
        // From the first commit to the last, by the timestamps the tag-service wrote in its transactions.
        long spanMicros = database.count("select (extract(epoch from max(h.created) - min(h.created)) * 1000000)::bigint"
                + " from tags.tag_history h" + OF_THIS_BENCHMARK);
        return (events - 1) / (spanMicros / 1e6);
    }

    private void publish(int events) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer())) {
            String source = "/webhooks/bench";
            for (int i = 0; i < events; i++) {
                int key = i % (STREAMS * TAGS_PER_STREAM);
                String eventId = UUID.randomUUID().toString();
                RegistryTagChanged change = new RegistryTagChanged(stack.registryHost(),
                        NAMESPACE + "/" + stream(key / TAGS_PER_STREAM), "t" + key % TAGS_PER_STREAM,
                        DistributionWebhooks.digestOf(eventId), "application/vnd.oci.image.manifest.v1+json", 1024L,
                        List.of(), Instant.now(), new Origin(Origin.Kind.WEBHOOK, source, eventId, null), null);
                ProducerRecord<String, String> record = new ProducerRecord<>(EventType.REGISTRY_TAG_CHANGED.topic(),
                        change.key(), EventJson.write(change));
                new CloudEventHeaders(eventId, source, EventType.REGISTRY_TAG_CHANGED, change.key(), Instant.now())
                        .toHeaders().forEach((name, value) -> record.headers().add(name, value));
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** A copy of the history table with its indexes and none of its foreign keys, and a generation sequence. */
    private void prepareCeilingTable() {
        database.execute("create schema if not exists bench_ceiling");
        database.execute("drop table if exists bench_ceiling.tag_history");
        database.execute("create table bench_ceiling.tag_history (like tags.tag_history including all)");
        database.execute("create sequence if not exists bench_ceiling.generation");
    }
}
