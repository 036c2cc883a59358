package dev.tagline.tags.service;

import dev.tagline.events.ImagePointer;
import dev.tagline.tags.domain.ImageObservation;
import dev.tagline.tags.domain.ImageStream;
import dev.tagline.tags.domain.StreamTag;
import dev.tagline.tags.store.ConditionRepository;
import dev.tagline.tags.store.ImageStreamRepository;
import dev.tagline.tags.store.StreamTagRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Moves a tag to an observed registry image: one new history item and one {@code tag.updated}, a held
 * item while the tag is held, or nothing.
 */
@ApplicationScoped
public class TagMover {

    private final ImageStreamRepository streams;
    private final StreamTagRepository tags;
    private final ConditionRepository conditions;
    private final TagPointer pointer;

    public TagMover(
            ImageStreamRepository streams,
            StreamTagRepository tags,
            ConditionRepository conditions,
            TagPointer pointer) {
        this.streams = streams;
        this.tags = tags;
        this.conditions = conditions;
        this.pointer = pointer;
    }

    /**
     * Appends the observation to the tag's history unless the tag already points at that digest; either
     * way the observation ends the tag's source problems.
     *
     * @param mediaType what is known of the image's media type, possibly from an earlier observation
     * @return whether the tag moved
     */
    public Uni<Boolean> move(
            AffectedTags.Affected affected, ImageObservation observation, String mediaType, Instant now) {
        ImageStream stream = affected.stream();
        StreamTag tag = affected.tag();
        return streams.lock(stream.id)
                .chain(() -> tags.reload(tag))
                .chain(exists -> exists && stillConcerned(affected, observation)
                        ? conditions
                                .clear(tag.id)
                                .chain(() -> pointer.observe(
                                        stream,
                                        tag,
                                        new ImagePointer(
                                                observation.digest().toString(), observation.dockerImageReference()),
                                        mediaType,
                                        observation.cause(),
                                        now))
                        : Uni.createFrom().item(false));
    }

    /**
     * A follower was found before its stream was locked; a user may have re-pointed it since, and then this
     * observation no longer concerns it.
     */
    private static boolean stillConcerned(AffectedTags.Affected affected, ImageObservation observation) {
        return !affected.follower() || observation.source().tagKey().equals(affected.tag().sourceKey);
    }
}
