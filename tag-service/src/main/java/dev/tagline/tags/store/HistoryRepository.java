package dev.tagline.tags.store;

import dev.tagline.tags.domain.HistoryItem;
import dev.tagline.tags.domain.Verification;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Tag history items, newest first. */
@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryItem, Long> {

    /** The item a tag points at now, its newest that is not held; null for a tag without one. */
    public Uni<HistoryItem> newest(Long streamTagId) {
        return find("streamTagId = ?1 and held = false order by generation desc", streamTagId)
                .firstResult();
    }

    /** The newest item of a tag, held or not: what its source was last seen at. */
    public Uni<HistoryItem> newestRecorded(Long streamTagId) {
        return find("streamTagId = ?1 order by generation desc", streamTagId).firstResult();
    }

    /**
     * The newest held item above the generation that a release may move to, null when there is none: under an image
     * policy, only a verified one.
     */
    public Uni<HistoryItem> newestHeldAfter(Long streamTagId, long generation) {
        return find(
                        "streamTagId = ?1 and held = true and generation > ?2"
                                + " and (verification is null or verification = ?3) order by generation desc",
                        streamTagId,
                        generation,
                        Verification.VERIFIED)
                .firstResult();
    }

    /**
     * The items of live tags that wait for a verdict on the image, {@code registry/repository@digest}. The verdict is
     * written as a literal, so that Postgres matches the partial index {@code tag_history_unverified}.
     */
    public Uni<List<HistoryItem>> awaitingVerdict(String imageReference) {
        return list(
                "dockerImageReference = ?1 and streamTagId is not null and verification is not null"
                        + " and verification <> '" + Verification.VERIFIED + "' order by streamId, generation",
                imageReference);
    }

    /** The tag's newest item with the digest, preferring one it pointed at over a held one. */
    public Uni<HistoryItem> ofTagWithDigest(Long streamTagId, String digest) {
        return find("streamTagId = ?1 and digest = ?2 order by held, generation desc", streamTagId, digest)
                .firstResult();
    }

    public Uni<HistoryItem> ofTagAtGeneration(Long streamTagId, long generation) {
        return find("streamTagId = ?1 and generation = ?2", streamTagId, generation)
                .firstResult();
    }

    /** One page of a tag's history, newest first, older than {@code beforeGeneration} when given. */
    public Uni<List<HistoryItem>> page(Long streamTagId, Long beforeGeneration, int limit) {
        if (beforeGeneration == null) {
            return find("streamTagId = ?1 order by generation desc", streamTagId)
                    .page(0, limit)
                    .list();
        }
        return find("streamTagId = ?1 and generation < ?2 order by generation desc", streamTagId, beforeGeneration)
                .page(0, limit)
                .list();
    }

    /**
     * The newest items of every given live tag, at most {@code perTag} each, newest first: those newer than the tag's
     * item at position {@code perTag}. HQL, not a native window query, since Hibernate 7.2 caches a new plan for every
     * execution of a native select.
     */
    public Uni<List<HistoryItem>> recentOfTags(Collection<Long> streamTagIds, int perTag) {
        return find(
                        "from HistoryItem h where h.streamTagId in ?1 and h.generation > coalesce(("
                                + "select n.generation from HistoryItem n where n.streamTagId = h.streamTagId"
                                + " order by n.generation desc offset ?2 rows fetch first 1 rows only), -1)"
                                + " order by h.streamTagId, h.generation desc",
                        streamTagIds,
                        perTag)
                .list();
    }

    /** Every item of a stream, live tag or removed, that recorded the digest. */
    public Uni<List<HistoryItem>> withDigest(Long streamId, String digest) {
        return list("streamId = ?1 and digest = ?2 order by generation desc", streamId, digest);
    }
}
