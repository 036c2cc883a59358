package dev.tagline.support.messaging;

import dev.tagline.events.MalformedEventException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.vertx.core.ContextAwareScheduler;
import io.vertx.sqlclient.DatabaseException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Applies one consumed record, retrying any failure that may pass (the database is down, a deadlock) with backoff
 * while the records behind it wait, so that nothing is skipped or reordered; a failure that can never pass (a
 * malformed event, data the database refuses for good) ends the retry, so the record is nacked to the DLQ.
 */
public final class TransientRetry {

    private static final Logger LOG = Logger.getLogger(TransientRetry.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);
    /**
     * SQLSTATE classes where the same values fail the same way every time: 22 data exception (a NUL in
     * text), 54 program limit exceeded (a value too large for an index).
     */
    private static final Set<String> PERMANENT_SQL_CLASSES = Set.of("22", "54");

    private TransientRetry() {}

    /** Must be called on the record's Vert.x context; {@code stuck} shows a long retry in readiness. */
    public static <T> Uni<T> apply(
            ConsumerRecord<?, ?> record, Supplier<Uni<? extends T>> application, StuckRecordCheck stuck) {
        return TransientRetry.<T>apply(describe(record), application, stuck)
                .onFailure()
                .invoke(failure -> LOG.errorf("Dead-lettering %s: %s", describe(record), failure));
    }

    /**
     * The same for records applied together, such as one partition's batch.
     *
     * @param records names them in logs and in readiness
     */
    public static <T> Uni<T> apply(String records, Supplier<Uni<? extends T>> application, StuckRecordCheck stuck) {
        // Retries must run on this record's Vert.x context: Hibernate Reactive works nowhere else.
        var onThisContext = ContextAwareScheduler.delegatingTo(Infrastructure.getDefaultWorkerPool())
                .withCurrentContext();
        return Uni.createFrom()
                .deferred(application)
                .onFailure(TransientRetry::isTransient)
                .invoke(failure -> {
                    stuck.retrying(records, failure);
                    LOG.warnf("Applying %s failed, retrying: %s", records, failure.toString());
                })
                .onFailure(TransientRetry::isTransient)
                .retry()
                .withExecutor(onThisContext)
                .withBackOff(FIRST_RETRY, LONGEST_RETRY)
                .indefinitely()
                .onTermination()
                .invoke(() -> stuck.done(records));
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException) {
                return false;
            }
            if (cause instanceof SQLException sql && isPermanent(sql.getSQLState())) {
                return false;
            }
            // Batch appliers run their SQL on the reactive client itself, which reports its own exception type.
            if (cause instanceof DatabaseException database && isPermanent(database.getSqlState())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPermanent(String sqlState) {
        return sqlState != null && sqlState.length() >= 2 && PERMANENT_SQL_CLASSES.contains(sqlState.substring(0, 2));
    }

    static String describe(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
