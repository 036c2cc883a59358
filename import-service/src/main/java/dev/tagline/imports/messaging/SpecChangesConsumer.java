package dev.tagline.imports.messaging;

import dev.tagline.events.Topics;
import dev.tagline.imports.service.ScheduledChecks;
import dev.tagline.imports.service.SpecChangeApplier;
import dev.tagline.support.messaging.DeadLetters;
import dev.tagline.support.messaging.PartitionBatches;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code imagestream-tag-events} into the schedule in batches, each partition's records in offset order
 * ({@link PartitionBatches}); only {@code tag.spec-changed} matters. What a crash does at each step:
 * <ol>
 *   <li>before the batch's transaction commits: nothing changed; the batch is delivered again;</li>
 *   <li>after the commit, before the offsets are committed: the batch is delivered again, and the applied-event
 *       log makes it change nothing;</li>
 *   <li>a record that can never be applied is sent to the dead-letter topic alone, before the offsets are
 *       committed; a crash in between sends it again.</li>
 * </ol>
 * Any other failure (the database is down, a deadlock) is retried with backoff while the records behind wait, so that
 * nothing is skipped or reordered; {@link SpecChangesStuckCheck} makes a long retry visible.
 */
@ApplicationScoped
public class SpecChangesConsumer {

    public static final String CHANNEL = Topics.IMAGESTREAM_TAG_EVENTS;
    public static final String DEAD_LETTER_CHANNEL = "imagestream-tag-events-dlq";

    private final PartitionBatches<Optional<SpecChangeApplier.SpecChange>> batches;
    private final ScheduledChecks checks;

    public SpecChangesConsumer(
            SpecChangeApplier applier,
            ScheduledChecks checks,
            @Channel(DEAD_LETTER_CHANNEL) MutinyEmitter<String> deadLetters,
            @Readiness SpecChangesStuckCheck stuck) {
        this.batches = new PartitionBatches<>(applier, new DeadLetters(deadLetters), stuck);
        this.checks = checks;
    }

    /** A newly scheduled source is due at once: the checks are asked to look now rather than at the next poll. */
    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return batches.apply(records)
                .invoke(aSourceIsDue -> {
                    if (aSourceIsDue) {
                        checks.nudge();
                    }
                })
                .replaceWithVoid();
    }
}
