package dev.tagline.tags.domain;

import dev.tagline.events.EventType;
import dev.tagline.events.ImagePointer;
import dev.tagline.events.ImageStreamTagDeleted;
import dev.tagline.events.ImageStreamTagImportFailed;
import dev.tagline.events.ImportFailureReason;
import dev.tagline.events.RegistryTagDeleted;
import dev.tagline.events.RegistryTagImportFailed;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.tags.store.HistoryRepository;
import dev.tagline.tags.store.ImageStreamRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Records that a tag's source was deleted or could not be imported, as conditions on the tags that follow
 * it. History is never erased: the tags keep pointing at their last image.
 */
@ApplicationScoped
public class SourceProblemRecorder {

    private final AffectedTags affectedTags;
    private final ConditionSetter conditions;
    private final ImageStreamRepository streams;
    private final HistoryRepository history;
    private final OutboxWriter outbox;

    public SourceProblemRecorder(AffectedTags affectedTags, ConditionSetter conditions,
            ImageStreamRepository streams, HistoryRepository history, OutboxWriter outbox) {
        this.affectedTags = affectedTags;
        this.conditions = conditions;
        this.streams = streams;
        this.history = history;
        this.outbox = outbox;
    }

    /**
     * A registry deleting a manifest names its digest and then, in further events, each tag that pointed at
     * it; only the tag events concern stream tags.
     */
    public Uni<Void> sourceDeleted(RegistryTagDeleted event, Instant now) {
        SourceTags.require("registry", event.registry());
        SourceTags.require("repository", event.repository());
        if (event.tag() == null) {
            return Uni.createFrom().voidItem();
        }
        ImageReference source = SourceTags.of(event.registry(), event.repository(), event.tag());
        return affectedTags.existing(source, null).chain(tags -> Sequentially.forEach(tags,
                tag -> conditions.set(tag.id, TagCondition.SOURCE_DELETED, "True", "TagDeleted",
                                "the registry deleted " + source.tagKey(), now)
                        .chain(changed -> changed ? publishDeleted(tag, now) : Uni.createFrom().voidItem())));
    }

    public Uni<Void> importFailed(RegistryTagImportFailed event, Instant now) {
        ImageReference source = SourceTags.of(event.registry(), event.repository(), event.tag());
        SourceTags.require("reason", event.reason());
        String reason = conditionReason(event.reason());
        return affectedTags.existing(source, event.target()).chain(tags -> Sequentially.forEach(tags,
                tag -> conditions.set(tag.id, TagCondition.IMPORT_SUCCESS, "False", reason, event.message(), now)
                        .chain(changed -> changed
                                ? publishImportFailed(tag, source, event, now)
                                : Uni.createFrom().voidItem())));
    }

    private Uni<Void> publishDeleted(StreamTag tag, Instant now) {
        return streams.lock(tag.streamId).chain(stream -> history.newest(tag.id).chain(newest -> {
            ImageStreamTagDeleted deleted = new ImageStreamTagDeleted(stream.namespace, stream.name, tag.name,
                    ImageStreamTagDeleted.Reason.SOURCE_DELETED,
                    newest == null ? null : new ImagePointer(newest.digest, newest.dockerImageReference), now);
            return outbox.write(EventType.IMAGESTREAM_TAG_DELETED, deleted.streamTag().key(), deleted, now);
        }));
    }

    private Uni<Void> publishImportFailed(StreamTag tag, ImageReference source, RegistryTagImportFailed event,
            Instant now) {
        return streams.lock(tag.streamId).chain(stream -> {
            ImageStreamTagImportFailed failed = new ImageStreamTagImportFailed(stream.namespace, stream.name,
                    tag.name, source.name() + ":" + source.tag(), event.reason(), event.message(), now);
            return outbox.write(EventType.IMAGESTREAM_TAG_IMPORT_FAILED, failed.streamTag().key(), failed, now);
        });
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
