package dev.tagline.tags.domain;

import dev.tagline.events.EventType;
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
    private final TagEvents events;

    public TagMover(ImageStreamRepository streams, HistoryRepository history, ConditionRepository conditions,
            TagEvents events) {
        this.streams = streams;
        this.history = history;
        this.conditions = conditions;
        this.events = events;
    }

    /**
     * Appends the observation to the tag's history unless the tag already points at that digest; either
     * way the observation ends the tag's source problems.
     *
     * @param mediaType what is known of the image's media type, possibly from an earlier observation
     * @return whether the tag moved
     */
    public Uni<Boolean> move(ImageStream stream, StreamTag tag, ImageObservation observation, String mediaType,
            Instant now) {
        return streams.lock(stream.id)
                .chain(() -> history.newest(tag.id))
                .chain(newest -> conditions.clear(tag.id)
                        .chain(() -> pointsAt(newest, observation)
                                ? Uni.createFrom().item(false)
                                : append(stream, tag, newest, observation, mediaType, now)));
    }

    private static boolean pointsAt(HistoryItem newest, ImageObservation observation) {
        return newest != null && newest.digest.equals(observation.digest().toString());
    }

    private Uni<Boolean> append(ImageStream stream, StreamTag tag, HistoryItem previous,
            ImageObservation observation, String mediaType, Instant now) {
        return streams.nextGeneration(stream.id).chain(generation -> {
            HistoryItem item = HistoryItem.of(tag, generation, observation.digest().toString(),
                    observation.dockerImageReference(), observation.cause(), now);
            ImageStreamTagUpdated updated = new ImageStreamTagUpdated(stream.namespace, stream.name, tag.name,
                    generation, new StreamImage(item.digest, item.dockerImageReference, mediaType),
                    previous == null ? null : previous.pointer(), observation.cause(), now);
            return history.persist(item)
                    .chain(() -> events.updated(updated))
                    .replaceWith(true);
        });
    }
}
