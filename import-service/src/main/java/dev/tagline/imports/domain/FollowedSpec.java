package dev.tagline.imports.domain;

import dev.tagline.events.TagReference;
import dev.tagline.events.TagSpec;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.events.reference.InvalidReferenceException;
import java.util.Optional;

/**
 * Which registry tag a spec tag asks to be checked on a schedule: one that follows a {@code DockerImage} by tag
 * with {@code importPolicy.scheduled}. A digest-pinned reference never moves, and a {@code reference} tag is
 * not imported at all, so neither is scheduled.
 */
public final class FollowedSpec {

    private FollowedSpec() {}

    public static Optional<ImageReference> scheduledSource(TagSpec spec) {
        if (spec == null
                || spec.reference()
                || !spec.importPolicy().scheduled()
                || spec.from() == null
                || spec.from().kind() != TagReference.Kind.DockerImage
                || spec.from().name() == null) {
            return Optional.empty();
        }
        try {
            ImageReference source = ImageReference.parse(spec.from().name());
            return source.digest() == null ? Optional.of(source) : Optional.empty();
        } catch (InvalidReferenceException e) {
            // The tag-service refuses such specs; one that slipped through can never be imported.
            return Optional.empty();
        }
    }
}
