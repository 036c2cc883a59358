package dev.tagline.imports.messaging;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.MalformedEventException;
import dev.tagline.events.Topics;
import dev.tagline.imports.outbox.OutboxRelay;
import dev.tagline.imports.service.ImportRequestsRouter;
import dev.tagline.support.messaging.RecordHeaders;
import dev.tagline.support.messaging.TransientRetry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code import-requests}: import requests, and the signature checks the tag-service asks for. Each is
 * answered at once and its answer written to the outbox in the transaction that records the request applied; the
 * record is acknowledged only after that commit. A crash before the commit redelivers the request, which is
 * answered again, and a request applied before is skipped. A request that can never be answered is nacked to the
 * dead-letter topic; any other failure is retried with backoff ({@link TransientRetry}) while the records behind
 * wait, and {@link ImportRequestsStuckCheck} makes a long retry visible.
 */
@ApplicationScoped
public class ImportRequestsConsumer {

    public static final String CHANNEL = Topics.IMPORT_REQUESTS;

    private final ImportRequestsRouter router;
    private final OutboxRelay relay;
    private final ImportRequestsStuckCheck stuck;

    public ImportRequestsConsumer(
            ImportRequestsRouter router, OutboxRelay relay, @Readiness ImportRequestsStuckCheck stuck) {
        this.router = router;
        this.relay = relay;
        this.stuck = stuck;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return TransientRetry.<Boolean>apply(record, () -> answer(record), stuck)
                .invoke(answered -> {
                    if (answered) {
                        relay.nudge();
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Boolean> answer(ConsumerRecord<String, String> record) {
        CloudEventHeaders event = CloudEventHeaders.fromHeaders(name -> RecordHeaders.last(record, name));
        if (record.value() == null || record.value().isBlank()) {
            throw new MalformedEventException("data", "the record has no data");
        }
        return router.apply(event, record.value());
    }
}
