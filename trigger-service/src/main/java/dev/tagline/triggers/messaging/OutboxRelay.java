package dev.tagline.triggers.messaging;

import dev.tagline.events.Topics;
import dev.tagline.support.outbox.OutboxRelayer;
import dev.tagline.triggers.config.TriggersConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Relays the outbox to {@code trigger-actions} after commit, oldest first, with the shared {@link OutboxRelayer}:
 * rows are marked published only after the broker acknowledged them, and a crash in between relays them again with
 * the same {@code ce_id} and idempotency key, which consumers dedupe. It runs when an action commits and, to pick up
 * whatever a crashed instance left behind, on a timer.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = Topics.TRIGGER_ACTIONS;

    /** Arbitrary but fixed ("trigger" in ASCII): identifies the relay's leader lock among this database's locks. */
    private static final long RELAY_LEADER_LOCK = 0x74726967676572L;

    private final OutboxRelayer relayer;

    public OutboxRelay(
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = OutboxRelayer.EMITTER_BUFFER)
                    MutinyEmitter<String> emitter,
            Pool pool,
            Vertx vertx,
            TriggersConfig config) {
        this.relayer = new OutboxRelayer(
                emitter,
                pool,
                vertx,
                new OutboxRelayer.Settings(
                        "tagline.triggers.outbox",
                        config.outbox().batchSize(),
                        config.eventSource(),
                        config.outbox().runTimeout(),
                        RELAY_LEADER_LOCK));
    }

    /** Asks for a relay run; a request made while one runs starts another when it ends. */
    public void nudge() {
        relayer.nudge();
    }

    @Scheduled(
            every = "${tagline.triggers.outbox.poll-interval}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayLeftovers() {
        relayer.nudge();
    }
}
