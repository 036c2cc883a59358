package dev.tagline.imports.domain;

import dev.tagline.events.ImageStreamTagSpecChanged;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.imports.store.FollowerRepository;
import dev.tagline.imports.store.ScheduledSourceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps the schedule in step with the spec tags: a stream tag whose spec asks for scheduled imports follows its
 * source, due at once when the source is new to the schedule; any other spec, or a removal, ends the
 * following; a source nobody follows any more leaves the schedule. Runs in the caller's transaction.
 */
@ApplicationScoped
public class FollowerSchedule {

    private final ScheduledSourceRepository sources;
    private final FollowerRepository followers;

    public FollowerSchedule(ScheduledSourceRepository sources, FollowerRepository followers) {
        this.sources = sources;
        this.followers = followers;
    }

    /** The change, checked before any database work. */
    public record Validated(StreamTagRef streamTag, Optional<ImageReference> source, boolean insecure) {
    }

    public Validated validate(ImageStreamTagSpecChanged event) {
        EventFields.require("namespace", event.namespace());
        EventFields.require("imageStream", event.imageStream());
        EventFields.require("tag", event.tag());
        EventFields.require("change", event.change());
        Optional<ImageReference> source = event.change() == ImageStreamTagSpecChanged.Change.REMOVED
                ? Optional.empty()
                : FollowedSpec.scheduledSource(event.spec());
        boolean insecure = source.isPresent() && event.spec().importPolicy().insecure();
        return new Validated(event.streamTag(), source, insecure);
    }

    public Uni<Void> apply(Validated change, Instant now) {
        return followers.sourceOf(change.streamTag()).chain(before -> {
            Uni<Long> following = change.source().isEmpty()
                    ? followers.unfollow(change.streamTag()).replaceWith((Long) null)
                    : follow(change, now);
            return following.chain(after -> before.isEmpty() || before.get().equals(after)
                    ? Uni.createFrom().voidItem()
                    : dropIfUnfollowed(before.get()));
        });
    }

    /** @return the id of the source followed now */
    private Uni<Long> follow(Validated change, Instant now) {
        return sources.ensureLocked(change.source().get(), now)
                .call(row -> followers.follow(change.streamTag(), row.id, change.insecure()))
                .call(row -> sources.refreshInsecure(row.id))
                .map(row -> row.id);
    }

    /** Locks the row first, so that a follower attached concurrently is seen before the row is deleted. */
    private Uni<Void> dropIfUnfollowed(long sourceId) {
        return sources.locked(sourceId).chain(row -> row == null
                ? Uni.createFrom().voidItem()
                : sources.deleteIfUnfollowed(sourceId).chain(deleted -> deleted == 1
                        ? Uni.createFrom().voidItem()
                        : sources.refreshInsecure(sourceId).replaceWithVoid()));
    }
}
