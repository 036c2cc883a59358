package dev.tagline.imports.messaging;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.MalformedEventException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.vertx.core.ContextAwareScheduler;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * How both consumers treat a record: applied with its CloudEvents headers read; a record that can never be applied
 * fails (and is dead-lettered); any other failure (the database is down, a deadlock) is retried with back-off
 * while the records behind it wait, so nothing is skipped or reordered; {@link StuckRecordCheck} makes a long
 * retry visible.
 */
final class RetriedConsumption {

    private static final Logger LOG = Logger.getLogger(RetriedConsumption.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);
    /**
     * SQLSTATE classes where the same values fail the same way every time: 22 data exception (a NUL in text),
     * 54 program limit exceeded (a value too large for an index).
     */
    private static final Set<String> PERMANENT_SQL_CLASSES = Set.of("22", "54");

    private RetriedConsumption() {
    }

    /** @return true when the record changed something */
    static Uni<Boolean> apply(String channel, ConsumerRecord<String, String> record, StuckRecordCheck stuck,
            BiFunction<CloudEventHeaders, String, Uni<Boolean>> applier) {
        // Retries must run on this record's Vert.x context: Hibernate Reactive works nowhere else.
        var onThisContext = ContextAwareScheduler.delegatingTo(Infrastructure.getDefaultWorkerPool())
                .withCurrentContext();
        return Uni.createFrom().deferred(() -> {
                    CloudEventHeaders event = CloudEventHeaders.fromHeaders(name -> lastHeader(record, name));
                    if (record.value() == null || record.value().isBlank()) {
                        throw new MalformedEventException("data", "the record has no data");
                    }
                    return applier.apply(event, record.value());
                })
                .onFailure(RetriedConsumption::isTransient)
                .invoke(failure -> {
                    stuck.retrying(channel, describe(record), failure);
                    LOG.warnf("Applying %s failed, retrying: %s", describe(record), failure.toString());
                })
                .onFailure(RetriedConsumption::isTransient)
                .retry().withExecutor(onThisContext).withBackOff(FIRST_RETRY, LONGEST_RETRY).indefinitely()
                .onTermination().invoke(() -> stuck.done(channel))
                .onFailure().invoke(failure -> LOG.errorf("Dead-lettering %s: %s", describe(record), failure));
    }

    private static boolean isTransient(Throwable failure) {
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

    private static byte[] lastHeader(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    private static String describe(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
