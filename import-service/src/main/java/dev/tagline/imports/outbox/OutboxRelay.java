package dev.tagline.imports.outbox;

import dev.tagline.events.Topics;
import dev.tagline.imports.config.ImportsConfig;
import dev.tagline.support.outbox.OutboxRelayer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Relays the outbox to {@code registry-tag-events} after commit, oldest first, keyed by registry tag, with the
 * shared {@link OutboxRelayer}: rows are marked published only after the broker acknowledged them, and a crash in
 * between relays them again with the same {@code ce_id}, which consumers dedupe. It runs when an import commits and,
 * to pick up whatever a crashed or another replica left behind, on a timer; one replica at a time relays.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = Topics.REGISTRY_TAG_EVENTS;

    /** Arbitrary but fixed ("imports" in ASCII): identifies the relay's leader lock among this database's locks. */
    private static final long RELAY_LEADER_LOCK = 0x696d706f727473L;

    private final OutboxRelayer relayer;

    public OutboxRelay(
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = OutboxRelayer.EMITTER_BUFFER)
                    MutinyEmitter<String> emitter,
            Pool pool,
            Vertx vertx,
            ImportsConfig config) {
        this.relayer = new OutboxRelayer(
                emitter,
                pool,
                vertx,
                new OutboxRelayer.Settings(
                        "tagline.imports.outbox",
                        config.outbox().batchSize(),
                        config.outbox().eventSource(),
                        config.outbox().runTimeout(),
                        RELAY_LEADER_LOCK));
    }

    /** Asks for a relay run; a request made while one runs starts another when it ends. */
    public void nudge() {
        relayer.nudge();
    }

    @Scheduled(
            every = "${tagline.imports.outbox.poll-interval}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayLeftovers() {
        relayer.nudge();
    }
}
