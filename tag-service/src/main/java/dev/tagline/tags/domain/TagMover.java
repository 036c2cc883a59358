package dev.tagline.tags.domain;

import dev.tagline.events.ImageStreamTagUpdated;
import dev.tagline.events.StreamImage;
import dev.tagline.tags.store.ConditionRepository;
import dev.tagline.tags.store.HistoryRepository;
import dev.tagline.tags.store.ImageStreamRepository;
import dev.tagline.tags.store.StreamTagRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** Moves a tag to an observed image: one new history item and one {@code tag.updated}, or nothing. */
@ApplicationScoped
public class TagMover {

    private final ImageStreamRepository streams;
    private final StreamTagRepository tags;
    private final HistoryRepository history;
    private final ConditionRepository conditions;
    private final TagEvents events;

    public TagMover(ImageStreamRepository streams, StreamTagRepository tags, HistoryRepository history,
            ConditionRepository conditions, TagEvents events) {
        this.streams = streams;
        this.tags = tags;
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
    public Uni<Boolean> move(AffectedTags.Affected affected, ImageObservation observation, String mediaType,
            Instant now) {
        ImageStream stream = affected.stream();
        StreamTag tag = affected.tag();
        return streams.lock(stream.id)
                .chain(() -> tags.currentSourceKey(tag.id))
                .chain(current -> stillConcerned(affected, current, observation)
                        ? moveLocked(stream, tag, observation, mediaType, now)
                        : Uni.createFrom().item(false));
    }

    /**
     * A follower was found before its stream was locked; a user may have removed or re-pointed it since,
     * and then this observation no longer concerns it.
     */
    private static boolean stillConcerned(AffectedTags.Affected affected, Optional<String> currentSourceKey,
            ImageObservation observation) {
        return currentSourceKey.isPresent()
                && (!affected.follower() || currentSourceKey.get().equals(observation.source().tagKey()));
    }

    private Uni<Boolean> moveLocked(ImageStream stream, StreamTag tag, ImageObservation observation,
            String mediaType, Instant now) {
        return history.newest(tag.id)
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
