package dev.tagline.imports.messaging;

import dev.tagline.events.Topics;
import dev.tagline.imports.domain.ImportRequestApplier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code import-requests}: each is resolved at once and its answer written to the outbox in the
 * transaction that records the request applied; the record is acknowledged only after that commit. A crash
 * before the commit redelivers the request, which is resolved again and answered under the same event id.
 */
@ApplicationScoped
public class ImportRequestsConsumer {

    public static final String CHANNEL = Topics.IMPORT_REQUESTS;

    private final ImportRequestApplier applier;
    private final OutboxRelay relay;
    private final StuckRecordCheck stuck;

    public ImportRequestsConsumer(ImportRequestApplier applier, OutboxRelay relay, @Readiness StuckRecordCheck stuck) {
        this.applier = applier;
        this.relay = relay;
        this.stuck = stuck;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return RetriedConsumption.apply(CHANNEL, record, stuck, applier::apply)
                .invoke(answered -> {
                    if (answered) {
                        relay.nudge();
                    }
                })
                .replaceWithVoid();
    }
}
