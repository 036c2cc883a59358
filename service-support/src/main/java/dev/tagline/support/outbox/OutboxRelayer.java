package dev.tagline.support.outbox;

import dev.tagline.support.context.CoalescedRuns;
import dev.tagline.support.time.Timestamps;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Relays a service's transactional outbox to Kafka, oldest row first, from one replica at a time
 * ({@link RelayLeadership}). A change that commits nudges the relay of its own process, which publishes it at once;
 * the service's timer also runs the relay, for rows that a crashed replica or another replica left behind.
 *
 * <p>A run reads the oldest unpublished rows, sends them all, waits for every acknowledgement (acks=all) and only
 * then marks them published, each step one statement on the leader's session (no transaction is needed: a row is
 * only ever marked after it was sent). A crash after the send and before the mark relays those rows again with the
 * same {@code ce_id}, which consumers dedupe; nothing is lost. Statements run on the reactive client's prepared
 * statements, which it caches, not on ORM queries.
 */
public final class OutboxRelayer {

    /** A batch is sent at once, so it must fit the emitter's buffer: the size each service gives its channel. */
    public static final int EMITTER_BUFFER = 1024;

    private static final String OLDEST_UNPUBLISHED =
            "select " + OutboxRow.COLUMNS + " from outbox where published_at is null order by id limit $1";
    private static final String MARK_PUBLISHED = "update outbox set published_at = $1 where id = any($2)";

    /**
     * The service's relay settings.
     *
     * @param configPrefix where they are configured, e.g. {@code tagline.tags.outbox}, to name them in errors
     * @param runTimeout how long one batch may take before it is abandoned
     * @param leaderLockId the advisory lock that elects the service's relaying replica, distinct per service
     */
    public record Settings(
            String configPrefix, int batchSize, String eventSource, Duration runTimeout, long leaderLockId) {

        public Settings {
            if (batchSize < 1 || batchSize > EMITTER_BUFFER) {
                throw new IllegalArgumentException(
                        configPrefix + ".batch-size must be between 1 and " + EMITTER_BUFFER);
            }
        }
    }

    private final MutinyEmitter<String> emitter;
    private final Settings settings;
    private final RelayLeadership leadership;
    private final CoalescedRuns runs;

    public OutboxRelayer(MutinyEmitter<String> emitter, Pool pool, Vertx vertx, Settings settings) {
        this.emitter = emitter;
        this.settings = settings;
        this.leadership = new RelayLeadership(pool, settings.leaderLockId());
        this.runs = new CoalescedRuns(vertx, "Relaying the outbox", this::relayAll);
    }

    /** Asks for a relay run; a request made while one runs starts another when it ends. */
    public void nudge() {
        runs.request();
    }

    /** A failed run gives the lead up, since its session may be broken; the next run asks for it again. */
    private Uni<Void> relayAll() {
        return leadership
                .session()
                .chain(session -> session == null ? Uni.createFrom().voidItem() : relayAllOn(session))
                .onFailure()
                .call(leadership::resign);
    }

    private Uni<Void> relayAllOn(SqlConnection session) {
        return relayBatch(session)
                .chain(relayed -> relayed == settings.batchSize()
                        ? relayAllOn(session)
                        : Uni.createFrom().voidItem());
    }

    /**
     * A batch that hangs is abandoned after the run timeout, so that it cannot hold the relay for ever; its rows stay
     * unpublished and go out with the next run.
     *
     * @return how many messages were relayed
     */
    private Uni<Integer> relayBatch(SqlConnection session) {
        return session.preparedQuery(OLDEST_UNPUBLISHED)
                .execute(Tuple.of(settings.batchSize()))
                .chain(rows -> {
                    List<OutboxRow> batch = new ArrayList<>(rows.size());
                    rows.forEach(row -> batch.add(OutboxRow.from(row)));
                    return publish(session, batch);
                })
                .ifNoItem()
                .after(settings.runTimeout())
                .fail();
    }

    private Uni<Integer> publish(SqlConnection session, List<OutboxRow> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Long[] ids = batch.stream().map(OutboxRow::id).toArray(Long[]::new);
        OffsetDateTime now = OffsetDateTime.ofInstant(Timestamps.now(), ZoneOffset.UTC);
        return Uni.join()
                .all(batch.stream().map(this::send).toList())
                .andFailFast()
                .chain(() -> session.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(now, ids)))
                .replaceWith(batch.size());
    }

    private Uni<Void> send(OutboxRow row) {
        RecordHeaders headers = new RecordHeaders();
        row.cloudEvent(settings.eventSource()).toHeaders().forEach(headers::add);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.recordKey())
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(row.payload()).addMetadata(metadata));
    }
}
