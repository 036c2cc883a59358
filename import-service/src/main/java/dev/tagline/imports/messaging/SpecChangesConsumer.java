package dev.tagline.imports.messaging;

import dev.tagline.events.Topics;
import dev.tagline.imports.domain.ScheduledChecks;
import dev.tagline.imports.domain.SpecChangeApplier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code imagestream-tag-events} into the schedule; only {@code tag.spec-changed} matters. A record is
 * acknowledged only once its transaction committed: a crash before that redelivers it, and the applied-event
 * log turns the redelivery into a no-op.
 */
@ApplicationScoped
public class SpecChangesConsumer {

    public static final String CHANNEL = Topics.IMAGESTREAM_TAG_EVENTS;

    private final SpecChangeApplier applier;
    private final ScheduledChecks checks;
    private final StuckRecordCheck stuck;

    public SpecChangesConsumer(SpecChangeApplier applier, ScheduledChecks checks, @Readiness StuckRecordCheck stuck) {
        this.applier = applier;
        this.checks = checks;
        this.stuck = stuck;
    }

    /** A newly scheduled source is due at once: the checks are asked to look now rather than at the next poll. */
    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return RetriedConsumption.apply(CHANNEL, record, stuck, applier::apply)
                .invoke(applied -> {
                    if (applied) {
                        checks.nudge();
                    }
                })
                .replaceWithVoid();
    }
}
