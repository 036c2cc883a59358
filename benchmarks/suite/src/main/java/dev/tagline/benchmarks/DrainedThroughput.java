package dev.tagline.benchmarks;

import dev.tagline.testkit.JdbcQueries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark 6: a backlog of tag moves drained all the way to actions. Registry tag changes are put on
 * {@code registry-tag-events} at once, each a new digest for one of the stream tags, each tag followed by a deploy
 * trigger; the rate is the actions on {@code trigger-actions}, read as another team would, per second from the first
 * record put to the last action, both by the records' own timestamps.
 */
final class DrainedThroughput {

    static final String TABLE = "6. Drained throughput: tag moves to actions";
    static final String NAMESPACE = "bench-drain";
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(10);
    /** After the last action, how long a redelivery or a second firing still has to show up. */
    private static final Duration AFTERMATH = Duration.ofSeconds(5);

    /**
     * The measured batch.
     *
     * @param seconds from the first record put to the last action matched
     */
    record Result(ActionTally.Outcome outcome, double seconds, double actionsPerSecond, double historyRowsPerSecond) {}

    private final Settings settings;
    private final BenchStack stack;
    private final Report.Table table;
    private final TagBacklog backlog;
    private final JdbcQueries database;
    /** The batch whose actions the watcher is matching now; before the first, any action is unexpected. */
    private final AtomicReference<ActionTally> current = new AtomicReference<>(new ActionTally(List.of()));

    DrainedThroughput(Settings settings, BenchStack stack, Report report) {
        this.settings = settings;
        this.stack = stack;
        this.backlog = new TagBacklog(stack, NAMESPACE, settings.drainStreams(), settings.drainTagsPerStream());
        this.database = new JdbcQueries(
                stack.postgres().jdbcUrl(),
                stack.postgres().username(),
                stack.postgres().password());
        this.table = report.table(
                TABLE,
                """
                Only the tag-service, the import-service and the trigger-service run. Image streams × tags: %d × %d, \
                each tag following a registry tag and followed by a deploy trigger without a webhook, so that \
                trigger-actions is the only way out. After a warm-up of one move per tag, %,d \
                registry.tag.changed events, each a new digest for the next tag in turn, are put on \
                registry-tag-events at once. The time runs from the first record put to the last action on \
                trigger-actions, by the records' own timestamps; history rows/s is the tag-service's rate on the \
                way, by its commit timestamps. A consumer of trigger-actions matches every action to its move by \
                digest: a second action with the first's idempotency key and ce_id is a redelivery (consumers \
                dedupe it), one with another is a second firing; a move without an action %d minutes after the \
                put is lost.""".formatted(
                                settings.drainStreams(),
                                settings.drainTagsPerStream(),
                                settings.drainEvents(),
                                DRAIN_LIMIT.toMinutes()),
                "moves",
                "stream tags",
                "put to last action s",
                "actions/s",
                "history rows/s",
                "matched",
                "redelivered",
                "second firings",
                "lost",
                "unexpected");
    }

    Result run() {
        backlog.createStreams();
        createTriggers();
        try (ActionWatcher watcher = new ActionWatcher(
                stack.kafka().bootstrapServers(), action -> current.get().arrived(action))) {
            // The first moves after start-up pay for JIT compilation and connection pools, and give every trigger
            // an image it last dealt with, as in production: not measured.
            drain(backlog.tags());
            Result result = drain(settings.drainEvents());
            ActionTally.Outcome outcome = result.outcome();
            table.row(
                    outcome.expected(),
                    backlog.tags(),
                    result.seconds(),
                    result.actionsPerSecond(),
                    result.historyRowsPerSecond(),
                    outcome.matched(),
                    outcome.redelivered(),
                    outcome.refired(),
                    outcome.lost(),
                    outcome.unexpected());
            System.out.printf(
                    "  drained %,d moves to %,d actions in %.1f s: %,.0f actions/s, %,.0f history rows/s%n",
                    outcome.expected(),
                    outcome.matched(),
                    result.seconds(),
                    result.actionsPerSecond(),
                    result.historyRowsPerSecond());
            return result;
        }
    }

    private void createTriggers() {
        for (int s = 0; s < backlog.streams(); s++) {
            for (int t = 0; t < backlog.tagsPerStream(); t++) {
                DeployTriggers.create(stack, NAMESPACE, backlog.stream(s), t, Optional.empty());
            }
        }
    }

    /** Puts {@code moves} on the topic at once and waits for their actions, then for any that come twice. */
    private Result drain(int moves) {
        List<String> digests = TagBacklog.newDigests(moves);
        ActionTally tally = new ActionTally(digests);
        // Before the put: the first actions may arrive while the last records are still being sent.
        current.set(tally);
        Instant firstPut = backlog.put(digests);
        if (Waiting.until(tally::allArrived, DRAIN_LIMIT)) {
            Waiting.sleep(AFTERMATH);
        }
        ActionTally.Outcome outcome = tally.outcome();
        double historyRowsPerSecond = new HistoryRows(database, NAMESPACE, firstPut).perSecond();
        if (outcome.matched() == 0) {
            return new Result(outcome, Double.NaN, 0, historyRowsPerSecond);
        }
        double seconds = (outcome.lastMatchedMillis() - firstPut.toEpochMilli()) / 1000.0;
        return new Result(outcome, seconds, outcome.matched() / seconds, historyRowsPerSecond);
    }
}
