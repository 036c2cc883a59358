package dev.tagline.tags.messaging;

import dev.tagline.events.Topics;
import dev.tagline.support.outbox.OutboxRelayer;
import dev.tagline.tags.config.TagsConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Relays the outbox after commit, oldest first, each row to the topic of its event type
 * ({@code imagestream-tag-events}; signature check requests to {@code import-requests}), with the shared
 * {@link OutboxRelayer}: rows are marked published only after the broker acknowledged them, and a crash in between
 * relays them again with the same {@code ce_id}, which consumers dedupe. It runs when a change commits and, to pick
 * up whatever a crashed instance left behind, on a timer.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = Topics.IMAGESTREAM_TAG_EVENTS;

    /** Arbitrary but fixed ("tagline" in ASCII): identifies the relay's leader lock among this database's locks. */
    private static final long RELAY_LEADER_LOCK = 0x7461676c696e65L;

    private final OutboxRelayer relayer;

    public OutboxRelay(
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = OutboxRelayer.EMITTER_BUFFER)
                    MutinyEmitter<String> emitter,
            Pool pool,
            Vertx vertx,
            TagsConfig config) {
        this.relayer = new OutboxRelayer(
                emitter,
                pool,
                vertx,
                new OutboxRelayer.Settings(
                        "tagline.tags.outbox",
                        config.outbox().batchSize(),
                        config.outbox().eventSource(),
                        config.outbox().runTimeout(),
                        RELAY_LEADER_LOCK));
    }

    /** Asks for a relay run; a request made while one runs starts another when it ends. */
    public void nudge() {
        relayer.nudge();
    }

    @Scheduled(every = "${tagline.tags.outbox.poll-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayLeftovers() {
        relayer.nudge();
    }
}
