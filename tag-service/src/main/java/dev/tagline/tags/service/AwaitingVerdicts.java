package dev.tagline.tags.service;

import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import dev.tagline.tags.domain.HistoryItem;
import dev.tagline.tags.domain.ImageStream;
import dev.tagline.tags.domain.Sequentially;
import dev.tagline.tags.domain.SignedImage;
import dev.tagline.tags.domain.StreamTag;
import dev.tagline.tags.store.HistoryRepository;
import dev.tagline.tags.store.ImagePolicyRepository;
import dev.tagline.tags.store.ImageStreamRepository;
import dev.tagline.tags.store.StreamTagRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The history items of live tags that wait for a verdict on an image (pending, or refused by a check a later one may
 * overturn), each with its tag, its stream and the keys its tag's policies trust now.
 */
@ApplicationScoped
public class AwaitingVerdicts {

    /** An item waiting on the image, and what its tag is under now; no keys when no policy covers the tag any more. */
    public record Awaiting(HistoryItem item, ImageStream stream, StreamTag tag, List<TrustedKey> keys) {}

    private final HistoryRepository history;
    private final ImageStreamRepository streams;
    private final StreamTagRepository tags;
    private final ImagePolicyRepository policies;

    public AwaitingVerdicts(
            HistoryRepository history,
            ImageStreamRepository streams,
            StreamTagRepository tags,
            ImagePolicyRepository policies) {
        this.history = history;
        this.streams = streams;
        this.tags = tags;
        this.policies = policies;
    }

    /** The streams of the items waiting on the image, for the caller to lock before {@link #of}. */
    public Uni<Set<Long>> streamsOf(SignedImage image) {
        return history.awaitingVerdict(image.reference())
                .map(items ->
                        new TreeSet<>(items.stream().map(item -> item.streamId).toList()));
    }

    public Uni<List<Awaiting>> of(SignedImage image) {
        return history.awaitingVerdict(image.reference()).chain(items -> {
            if (items.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            return streams.list(
                            "id in ?1",
                            items.stream().map(item -> item.streamId).distinct().toList())
                    .chain(found -> policies.rulesOf(found.stream()
                                    .map(stream -> stream.namespace)
                                    .distinct()
                                    .toList())
                            .chain(rules -> Sequentially.map(
                                    items,
                                    item -> tags.findById(item.streamTagId).map(tag -> {
                                        ImageStream stream = found.stream()
                                                .filter(candidate -> candidate.id.equals(item.streamId))
                                                .findFirst()
                                                .orElseThrow();
                                        return new Awaiting(
                                                item, stream, tag, rules.keysFor(stream.namespace, stream.name));
                                    }))));
        });
    }
}
