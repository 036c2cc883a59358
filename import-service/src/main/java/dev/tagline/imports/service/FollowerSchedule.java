package dev.tagline.imports.service;

import dev.tagline.events.ImageStreamTagSpecChanged;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.imports.domain.EventFields;
import dev.tagline.imports.domain.FollowedSpec;
import dev.tagline.imports.store.ScheduleWrites;
import dev.tagline.imports.store.ScheduleWrites.Follow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the schedule in step with the spec tags: a stream tag whose spec asks for scheduled imports follows its
 * source, due at once when the source is new to the schedule; any other spec, or a removal, ends the
 * following; a source nobody follows any more leaves the schedule. Runs in the caller's transaction.
 */
@ApplicationScoped
public class FollowerSchedule {

    private final ScheduleWrites store;

    public FollowerSchedule(ScheduleWrites store) {
        this.store = store;
    }

    /** The change, checked before any database work. */
    public record Validated(StreamTagRef streamTag, Optional<ImageReference> source, boolean insecure) {}

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

    /**
     * Applies the changes as if one after the other, in a handful of statements whatever their number: each
     * change says all there is about its stream tag's following, so only a stream tag's last change is written.
     *
     * @param changes in offset order
     * @return whether a source is due now, so that the checks should look at once
     */
    public Uni<Boolean> apply(SqlConnection connection, List<Validated> changes, Instant now) {
        Collection<Validated> latest = latestPerStreamTag(changes);
        List<StreamTagRef> unfollowing = latest.stream()
                .filter(c -> c.source().isEmpty())
                .map(Validated::streamTag)
                .toList();
        List<Validated> following =
                latest.stream().filter(c -> c.source().isPresent()).toList();
        Map<String, ImageReference> sources = new LinkedHashMap<>();
        following.forEach(
                c -> sources.putIfAbsent(c.source().get().tagKey(), c.source().get()));
        return store.sourcesFollowedBy(
                        connection, latest.stream().map(Validated::streamTag).toList())
                .chain(before -> store.ensureSources(connection, sources.values(), now)
                        .chain(ensured -> {
                            List<Follow> follows = following.stream()
                                    .map(c -> new Follow(
                                            c.streamTag(),
                                            ensured.idsByKey()
                                                    .get(c.source().get().tagKey()),
                                            c.insecure()))
                                    .toList();
                            Set<Long> maybeUnfollowed = new HashSet<>(before);
                            maybeUnfollowed.removeAll(ensured.idsByKey().values());
                            Set<Long> touched = new HashSet<>(before);
                            touched.addAll(ensured.idsByKey().values());
                            return store.follow(connection, follows)
                                    .chain(() -> store.unfollow(connection, unfollowing))
                                    .chain(() -> store.dropUnfollowed(connection, maybeUnfollowed))
                                    .chain(() -> store.refreshInsecure(connection, touched))
                                    .replaceWith(ensured.anyDue());
                        }));
    }

    private static Collection<Validated> latestPerStreamTag(List<Validated> changes) {
        Map<StreamTagRef, Validated> latest = new LinkedHashMap<>();
        changes.forEach(change -> latest.put(change.streamTag(), change));
        return latest.values();
    }
}
