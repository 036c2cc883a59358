package dev.tagline.support.messaging;

import dev.tagline.events.MalformedEventException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.vertx.core.ContextAwareScheduler;
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

    private TransientRetry() {
    }

    /** Must be called on the record's Vert.x context; {@code stuck} shows a long retry in readiness. */
    public static <T> Uni<T> apply(ConsumerRecord<?, ?> record, Supplier<Uni<? extends T>> application,
            StuckRecordCheck stuck) {
        // Retries must run on this record's Vert.x context: Hibernate Reactive works nowhere else.
        var onThisContext = ContextAwareScheduler.delegatingTo(Infrastructure.getDefaultWorkerPool())
                .withCurrentContext();
        return Uni.createFrom().deferred(application)
                .onFailure(TransientRetry::isTransient)
                .invoke(failure -> {
                    stuck.retrying(describe(record), failure);
                    LOG.warnf("Applying %s failed, retrying: %s", describe(record), failure.toString());
                })
                .onFailure(TransientRetry::isTransient)
                .retry().withExecutor(onThisContext).withBackOff(FIRST_RETRY, LONGEST_RETRY).indefinitely()
                .onTermination().invoke(() -> stuck.done(describe(record)))
                .onFailure().invoke(failure -> LOG.errorf("Dead-lettering %s: %s", describe(record), failure));
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException) {
                return false;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && PERMANENT_SQL_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return false;
            }
        }
        return true;
    }

    private static String describe(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
