package dev.tagline.triggers.messaging;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventType;
import dev.tagline.events.MalformedEventException;
import dev.tagline.events.Topics;
import dev.tagline.support.messaging.StuckRecordCheck;
import dev.tagline.triggers.domain.TagUpdateApplier;
import dev.tagline.triggers.webhook.DeliveryDispatcher;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.vertx.core.ContextAwareScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code imagestream-tag-events}; only {@code tag.updated} concerns triggers, every other type (also
 * one added after this service was built) is acknowledged and skipped. A record is acknowledged only once its
 * transaction committed; a crash before that redelivers it and the applied-event log turns the redelivery into
 * a no-op. A record that can never be applied is nacked to the dead-letter topic; any other failure (the
 * database is down, a deadlock) is retried with backoff while the records behind it wait, so that nothing is
 * skipped or reordered. {@link StuckRecordCheck} makes a long retry visible.
 */
@ApplicationScoped
public class TagEventsConsumer {

    public static final String CHANNEL = Topics.IMAGESTREAM_TAG_EVENTS;

    private static final Logger LOG = Logger.getLogger(TagEventsConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);
    /**
     * SQLSTATE classes where the same values fail the same way every time: 22 data exception (a NUL in
     * text), 54 program limit exceeded (a value too large for an index).
     */
    private static final Set<String> PERMANENT_SQL_CLASSES = Set.of("22", "54");

    private final TagUpdateApplier applier;
    private final OutboxRelay relay;
    private final DeliveryDispatcher dispatcher;
    private final StuckRecordCheck stuck;

    public TagEventsConsumer(TagUpdateApplier applier, OutboxRelay relay, DeliveryDispatcher dispatcher,
            @Readiness StuckRecordCheck stuck) {
        this.applier = applier;
        this.relay = relay;
        this.dispatcher = dispatcher;
        this.stuck = stuck;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (!isTagUpdated(record)) {
            return Uni.createFrom().voidItem();
        }
        // Retries must run on this record's Vert.x context: Hibernate Reactive works nowhere else.
        var onThisContext = ContextAwareScheduler.delegatingTo(Infrastructure.getDefaultWorkerPool())
                .withCurrentContext();
        return Uni.createFrom().deferred(() -> apply(record))
                .onFailure(TagEventsConsumer::isTransient)
                .invoke(failure -> {
                    stuck.retrying(describe(record), failure);
                    LOG.warnf("Applying %s failed, retrying: %s", describe(record), failure.toString());
                })
                .onFailure(TagEventsConsumer::isTransient)
                .retry().withExecutor(onThisContext).withBackOff(FIRST_RETRY, LONGEST_RETRY).indefinitely()
                .onTermination().invoke(stuck::done)
                .onFailure().invoke(failure -> LOG.errorf("Dead-lettering %s: %s", describe(record), failure))
                .invoke(applied -> {
                    if (applied) {
                        relay.nudge();
                        dispatcher.nudge();
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Decided on the type header alone, so that types this service does not know pass by instead of being
     * dead-lettered as unreadable. A record without the header is left to the full check, which refuses it.
     */
    private static boolean isTagUpdated(ConsumerRecord<String, String> record) {
        byte[] type = lastHeader(record, CloudEventHeaders.TYPE);
        return type == null || EventType.IMAGESTREAM_TAG_UPDATED.type().equals(new String(type, StandardCharsets.UTF_8));
    }

    private Uni<Boolean> apply(ConsumerRecord<String, String> record) {
        CloudEventHeaders event = CloudEventHeaders.fromHeaders(name -> lastHeader(record, name));
        if (record.value() == null || record.value().isBlank()) {
            throw new MalformedEventException("data", "the record has no data");
        }
        return applier.apply(event, record.value());
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
