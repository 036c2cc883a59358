package dev.tagline.benchmarks;

import dev.tagline.testkit.JdbcQueries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
    private static final Duration PGBENCH_RUN = Duration.ofSeconds(15);
    private static final List<Integer> PGBENCH_CLIENTS = List.of(1, 8);
    /** One row as the tag-service writes it: a new generation of a tag, a new digest, a reference and a cause. */
    private static final String PGBENCH_SCRIPT = """
            \\set stream random(1, 1000)
            INSERT INTO bench_ceiling.tag_history (stream_id, stream_tag_id, tag, generation, digest,
              docker_image_reference, cause, created)
            VALUES (:stream, :stream, 't1', nextval('bench_ceiling.generation'),
              'sha256:' || md5(random()::text) || md5(random()::text),
              '127.0.0.1:5000/bench-history/s01@sha256:' || md5(random()::text), 'webhook', now());
            """;

    /** The tag-service's rate and the best pgbench rate, rows per second. */
    record Result(double tagServicePerSecond, double ceilingPerSecond) {}

    private final Settings settings;
    private final BenchStack stack;
    private final Report.Table table;
    private final JdbcQueries database;
    private final TagBacklog backlog;

    HistoryThroughput(Settings settings, BenchStack stack, Report report) {
        this.settings = settings;
        this.stack = stack;
        this.backlog = new TagBacklog(stack, NAMESPACE, STREAMS, TAGS_PER_STREAM);
        this.database = new JdbcQueries(
                stack.postgres().jdbcUrl(),
                stack.postgres().username(),
                stack.postgres().password());
        this.table = report.table(
                TABLE,
                """
                %,d registry.tag.changed events, each a new digest for one of %d stream tags, are put on \
                registry-tag-events at once (a backlog); the rate is the history rows the tag-service committed, \
                by their commit timestamps. The ceiling is pgbench on the same Postgres, one INSERT of an \
                equivalent row (same columns and indexes) per transaction, for %d s.""".formatted(settings.historyEvents(), STREAMS * TAGS_PER_STREAM, PGBENCH_RUN.toSeconds()),
                "writer",
                "clients",
                "rows/s",
                "of ceiling");
    }

    Optional<Result> run(Path workDirectory) {
        backlog.createStreams();
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
            double tps = Pgbench.transactionsPerSecond(
                    pgbench.get(),
                    stack.postgres(),
                    PGBENCH_SCRIPT,
                    clients,
                    settings.quick() ? Duration.ofSeconds(3) : PGBENCH_RUN,
                    workDirectory);
            table.row("pgbench INSERT", clients, tps, null);
            best = Math.max(best, tps);
        }
        table.row("tag-service", "3 partitions", applied, String.format("%.0f%%", 100 * applied / best));
        return Optional.of(new Result(applied, best));
    }

    /** Puts the backlog on the topic and waits until every event is a history row; returns rows per second. */
    private double applyBacklog() {
        int events = settings.historyEvents();
        HistoryRows rows = new HistoryRows(database, NAMESPACE, backlog.put(TagBacklog.newDigests(events)));
        long deadline = System.nanoTime() + APPLY_LIMIT.toNanos();
        while (rows.count() < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "The tag-service applied only " + rows.count() + " of " + events + " events in " + APPLY_LIMIT);
            }
            Waiting.sleep(Duration.ofMillis(250));
        }
        return rows.perSecond();
    }

    /** A copy of the history table with its indexes and none of its foreign keys, and a generation sequence. */
    private void prepareCeilingTable() {
        database.execute("create schema if not exists bench_ceiling");
        database.execute("drop table if exists bench_ceiling.tag_history");
        database.execute("create table bench_ceiling.tag_history (like tags.tag_history including all)");
        database.execute("create sequence if not exists bench_ceiling.generation");
    }
}
