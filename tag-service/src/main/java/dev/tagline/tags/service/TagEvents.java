package dev.tagline.tags.service;

import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagDeleted;
import dev.tagline.events.ImageStreamTagImportFailed;
import dev.tagline.events.ImageStreamTagSpecChanged;
import dev.tagline.events.ImageStreamTagUpdated;
import dev.tagline.events.ImportFailureReason;
import dev.tagline.events.TagSpec;
import dev.tagline.tags.domain.ImageStream;
import dev.tagline.tags.domain.PullSpecs;
import dev.tagline.tags.domain.StreamTag;
import dev.tagline.tags.store.HistoryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Builds the {@code imagestream-tag-events} a change publishes and writes them to the outbox, keyed by tag. */
@ApplicationScoped
public class TagEvents {

    private final OutboxWriter outbox;
    private final HistoryRepository history;
    private final PullSpecs pullSpecs;

    public TagEvents(OutboxWriter outbox, HistoryRepository history, PullSpecs pullSpecs) {
        this.outbox = outbox;
        this.history = history;
        this.pullSpecs = pullSpecs;
    }

    public Uni<Void> updated(ImageStreamTagUpdated updated) {
        return outbox.write(
                EventType.IMAGESTREAM_TAG_UPDATED, updated.streamTag().key(), updated, updated.changedAt());
    }

    /** @param spec the spec as it is now; for a removal, as it was */
    public Uni<Void> specChanged(
            ImageStream stream, String tag, ImageStreamTagSpecChanged.Change change, TagSpec spec, Instant now) {
        ImageStreamTagSpecChanged changed =
                new ImageStreamTagSpecChanged(stream.namespace, stream.name, tag, change, spec, now);
        return outbox.write(
                EventType.IMAGESTREAM_TAG_SPEC_CHANGED, changed.streamTag().key(), changed, now);
    }

    /** Carries the image the tag pointed at last, so that consumers need not look it up. */
    public Uni<Void> deleted(ImageStream stream, StreamTag tag, ImageStreamTagDeleted.Reason reason, Instant now) {
        return history.newest(tag.id).chain(newest -> {
            ImageStreamTagDeleted deleted = new ImageStreamTagDeleted(
                    stream.namespace,
                    stream.name,
                    tag.name,
                    reason,
                    newest == null ? null : pullSpecs.pointer(stream, tag, newest),
                    now);
            return outbox.write(
                    EventType.IMAGESTREAM_TAG_DELETED, deleted.streamTag().key(), deleted, now);
        });
    }

    public Uni<Void> importFailed(
            ImageStream stream, StreamTag tag, String from, ImportFailureReason reason, String message, Instant now) {
        ImageStreamTagImportFailed failed =
                new ImageStreamTagImportFailed(stream.namespace, stream.name, tag.name, from, reason, message, now);
        return outbox.write(
                EventType.IMAGESTREAM_TAG_IMPORT_FAILED, failed.streamTag().key(), failed, now);
    }
}
