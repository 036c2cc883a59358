package dev.tagline.tags.domain;

import dev.tagline.events.EventType;
import dev.tagline.events.ImagePointer;
import dev.tagline.events.ImageStreamTagUpdated;
import dev.tagline.events.StreamImage;
import dev.tagline.tags.store.ConditionRepository;
import dev.tagline.tags.store.HistoryRepository;
import dev.tagline.tags.store.ImageStreamRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Moves a tag to an observed image: one new history item and one {@code tag.updated}, or nothing. */
@ApplicationScoped
public class TagMover {

    private final ImageStreamRepository streams;
    private final HistoryRepository history;
    private final ConditionRepository conditions;
    private final OutboxWriter outbox;

    public TagMover(ImageStreamRepository streams, HistoryRepository history, ConditionRepository conditions,
            OutboxWriter outbox) {
        this.streams = streams;
        this.history = history;
        this.conditions = conditions;
        this.outbox = outbox;
    }

    /**
     * Appends the observation to the tag's history unless the tag already points at that digest; either
     * way the observation ends the tag's source problems.
     *
     * @return whether the tag moved
     */
    public Uni<Boolean> move(StreamTag tag, ImageObservation observation, Instant now) {
        return streams.lock(tag.streamId)
                .chain(stream -> history.newest(tag.id)
                        .chain(newest -> conditions.clear(tag.id)
                                .chain(() -> pointsAt(newest, observation)
                                        ? Uni.createFrom().item(false)
                                        : append(stream, tag, newest, observation, now))));
    }

    private static boolean pointsAt(HistoryItem newest, ImageObservation observation) {
        return newest != null && newest.digest.equals(observation.digest().toString());
    }

    private Uni<Boolean> append(ImageStream stream, StreamTag tag, HistoryItem previous,
            ImageObservation observation, Instant now) {
        HistoryItem item = HistoryItem.of(tag, stream.nextGeneration(), observation.digest().toString(),
                observation.dockerImageReference(), observation.cause(), now);
        ImageStreamTagUpdated updated = new ImageStreamTagUpdated(stream.namespace, stream.name, tag.name,
                item.generation,
                new StreamImage(item.digest, item.dockerImageReference, observation.mediaType()),
                previous == null ? null : new ImagePointer(previous.digest, previous.dockerImageReference),
                observation.cause(), now);
        return history.persist(item)
                .chain(() -> outbox.write(EventType.IMAGESTREAM_TAG_UPDATED, updated.streamTag().key(), updated, now))
                .replaceWith(true);
    }
}
