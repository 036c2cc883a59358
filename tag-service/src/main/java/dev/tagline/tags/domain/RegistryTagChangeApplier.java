package dev.tagline.tags.domain;

import dev.tagline.events.EventJson;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.events.TagChangeCause;
import dev.tagline.events.reference.ImageReference;
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

    /** A change whose source and digest are known to be well formed. */
    public record Validated(RegistryTagChanged event, ImageObservation observation) {
    }

    public Validated validate(RegistryTagChanged event) {
        ImageReference source = SourceTags.of(event.registry(), event.repository(), event.tag());
        SourceTags.require("origin", event.origin());
        SourceTags.require("origin.kind", event.origin().kind());
        ImageObservation observation = new ImageObservation(source, SourceTags.digest(event.digest()),
                event.mediaType(), TagChangeCause.observedBy(event.origin().kind()));
        return new Validated(event, observation);
    }

    public Uni<Void> apply(Validated change, Instant now) {
        RegistryTagChanged event = change.event();
        ImageObservation observation = change.observation();
        return images.remember(observation.digest().toString(), event.mediaType(), event.size(),
                        EventJson.write(event.platforms()), now)
                .chain(() -> affectedTags.toMove(observation.source(), event.target(), now))
                .chain(tags -> Sequentially.forEach(tags, tag -> mover.move(tag, observation, now)));
    }
}
