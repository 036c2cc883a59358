package dev.tagline.tags.service;

import dev.tagline.events.ImageStreamTagDeleted;
import dev.tagline.events.ImportFailureReason;
import dev.tagline.events.RegistryTagDeleted;
import dev.tagline.events.RegistryTagImportFailed;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.tags.domain.Sequentially;
import dev.tagline.tags.domain.SourceTags;
import dev.tagline.tags.domain.TagCondition;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;

/**
 * Records that a tag's source was deleted or could not be imported, as conditions on the tags that follow
 * it, publishing once per change of state. History is never erased: the tags keep pointing at their last
 * image.
 */
@ApplicationScoped
public class SourceProblemRecorder {

    private final AffectedTags affectedTags;
    private final ConditionSetter conditions;
    private final TagEvents events;

    public SourceProblemRecorder(AffectedTags affectedTags, ConditionSetter conditions, TagEvents events) {
        this.affectedTags = affectedTags;
        this.conditions = conditions;
        this.events = events;
    }

    /** A deletion whose fields are known to be acceptable; {@code source} is null for a delete by digest. */
    public record ValidDeletion(ImageReference source) {}

    /** An import failure whose fields are known to be acceptable. */
    public record ValidFailure(
            ImageReference source, ImportFailureReason reason, String message, StreamTagRef target) {}

    /**
     * A registry deleting a manifest names its digest and then, in further events, each tag that pointed at
     * it; only the tag events concern stream tags.
     */
    public ValidDeletion validate(RegistryTagDeleted event) {
        SourceTags.require("registry", event.registry());
        SourceTags.require("repository", event.repository());
        return new ValidDeletion(
                event.tag() == null ? null : SourceTags.of(event.registry(), event.repository(), event.tag()));
    }

    public ValidFailure validate(RegistryTagImportFailed event) {
        ImageReference source = SourceTags.of(event.registry(), event.repository(), event.tag());
        SourceTags.require("reason", event.reason());
        String message = event.message() == null || event.message().isBlank()
                ? event.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                : SourceTags.text(event.message());
        return new ValidFailure(source, event.reason(), message, SourceTags.target(event.target()));
    }

    public Uni<Void> sourceDeleted(ValidDeletion deletion, Instant now) {
        if (deletion.source() == null) {
            return Uni.createFrom().voidItem();
        }
        String message = "the registry deleted " + deletion.source().tagKey();
        return affectedTags
                .existing(deletion.source(), null)
                .chain(affected -> Sequentially.forEach(
                        affected,
                        a -> conditions
                                .set(a.tag().id, TagCondition.SOURCE_DELETED, "True", "TagDeleted", message, now)
                                .chain(changed -> changed
                                        ? events.deleted(
                                                a.stream(), a.tag(), ImageStreamTagDeleted.Reason.SOURCE_DELETED, now)
                                        : Uni.createFrom().voidItem())));
    }

    public Uni<Void> importFailed(ValidFailure failure, Instant now) {
        String reason = conditionReason(failure.reason());
        String from = failure.source().name() + ":" + failure.source().tag();
        return affectedTags
                .existing(failure.source(), failure.target())
                .chain(affected -> Sequentially.forEach(
                        affected,
                        a -> conditions
                                .set(a.tag().id, TagCondition.IMPORT_SUCCESS, "False", reason, failure.message(), now)
                                .chain(changed -> changed
                                        ? events.importFailed(
                                                a.stream(), a.tag(), from, failure.reason(), failure.message(), now)
                                        : Uni.createFrom().voidItem())));
    }

    /** Condition reasons are CamelCase, as in Kubernetes. */
    private static String conditionReason(ImportFailureReason reason) {
        return switch (reason) {
            case UNAUTHORIZED -> "Unauthorized";
            case NOT_FOUND -> "NotFound";
            case RATE_LIMITED -> "RateLimited";
            case UNREACHABLE -> "Unreachable";
            case INVALID -> "Invalid";
        };
    }
}
