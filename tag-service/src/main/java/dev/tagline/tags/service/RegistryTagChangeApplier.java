package dev.tagline.tags.service;

import dev.tagline.events.EventJson;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.events.TagChangeCause;
import dev.tagline.tags.domain.ImageObservation;
import dev.tagline.tags.domain.Sequentially;
import dev.tagline.tags.domain.SourceTags;
import dev.tagline.tags.store.ImageRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Applies {@code registry.tag.changed}: every tag that follows the registry tag moves to the new digest. */
@ApplicationScoped
public class RegistryTagChangeApplier {

    private final ImageRepository images;
    private final AffectedTags affectedTags;
    private final TagMover mover;

    public RegistryTagChangeApplier(ImageRepository images, AffectedTags affectedTags, TagMover mover) {
        this.images = images;
        this.affectedTags = affectedTags;
        this.mover = mover;
    }

    /** A change whose every field the database will see is known to be acceptable. */
    public record Validated(RegistryTagChanged event, ImageObservation observation, RegistryTagChanged.Target target) {}

    public Validated validate(RegistryTagChanged event) {
        SourceTags.require("origin", event.origin());
        SourceTags.require("origin.kind", event.origin().kind());
        ImageObservation observation = new ImageObservation(
                SourceTags.of(event.registry(), event.repository(), event.tag()),
                SourceTags.digest(event.digest()),
                TagChangeCause.observedBy(event.origin().kind()));
        return new Validated(event, observation, SourceTags.target(event.target()));
    }

    public Uni<Void> apply(Validated change, Instant now) {
        RegistryTagChanged event = change.event();
        ImageObservation observation = change.observation();
        return images.remember(
                        observation.digest().toString(),
                        SourceTags.text(event.mediaType()),
                        event.size(),
                        EventJson.write(event.platforms()),
                        now)
                .call(() -> affectedTags.lockConcerned(observation.source(), change.target()))
                .chain(mediaType -> affectedTags
                        .toMove(observation.source(), change.target(), now)
                        .chain(affected ->
                                Sequentially.forEach(affected, tag -> mover.move(tag, observation, mediaType, now))));
    }
}
