package dev.tagline.tags.service;

import dev.tagline.events.MalformedEventException;
import dev.tagline.events.RegistrySignatureChecked;
import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import dev.tagline.events.SignatureVerdict;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.events.reference.InvalidReferenceException;
import dev.tagline.tags.domain.Sequentially;
import dev.tagline.tags.domain.SignedImage;
import dev.tagline.tags.domain.SourceTags;
import dev.tagline.tags.domain.TagCondition;
import dev.tagline.tags.domain.TrustedKeys;
import dev.tagline.tags.domain.Verification;
import dev.tagline.tags.store.HistoryRepository;
import dev.tagline.tags.store.ImageStreamRepository;
import dev.tagline.tags.store.VerifiedImageRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies {@code registry.signature.checked}, in the transaction that records the event as applied: remembers the
 * keys that verified the image, and judges every item waiting on it by its tag's policies as they are now. A verified
 * item that is still its tag's newest observation moves the tag (and its aliases); an older one only records the
 * verdict, so a tag never moves back. A refusal whose checked keys cover the tag's records the reason on the item and
 * the tag; one that does not (the policy changed since the request) asks again with the keys of today.
 */
@ApplicationScoped
public class SignatureVerdictApplier {

    private static final Pattern FINGERPRINT = Pattern.compile("sha256:[a-f0-9]{64}");

    /** A verdict whose every field the database will see is known to be acceptable. */
    public record Validated(
            SignedImage image,
            SignatureVerdict verdict,
            Set<String> verifiedBy,
            Set<String> checkedKeys,
            String message) {}

    private final VerifiedImageRepository verifiedImages;
    private final ImageStreamRepository streams;
    private final HistoryRepository history;
    private final AwaitingVerdicts awaiting;
    private final TagPointer pointer;
    private final ConditionSetter conditions;
    private final SignatureCheckRequests checks;

    public SignatureVerdictApplier(
            VerifiedImageRepository verifiedImages,
            ImageStreamRepository streams,
            HistoryRepository history,
            AwaitingVerdicts awaiting,
            TagPointer pointer,
            ConditionSetter conditions,
            SignatureCheckRequests checks) {
        this.verifiedImages = verifiedImages;
        this.streams = streams;
        this.history = history;
        this.awaiting = awaiting;
        this.pointer = pointer;
        this.conditions = conditions;
        this.checks = checks;
    }

    public Validated validate(RegistrySignatureChecked event) {
        SourceTags.require("registry", event.registry());
        SourceTags.require("repository", event.repository());
        SourceTags.require("verdict", event.verdict());
        String digest = SourceTags.digest(event.digest()).toString();
        try {
            new ImageReference(event.registry(), event.repository(), null, null);
        } catch (InvalidReferenceException e) {
            throw new MalformedEventException("registry/repository", "registry/repository: " + e.getMessage());
        }
        Set<String> verifiedBy = fingerprints("verifiedBy", event.verifiedBy());
        if (event.verdict() == SignatureVerdict.Verified && verifiedBy.isEmpty()) {
            throw new MalformedEventException("verifiedBy", "a Verified verdict names the keys that verified it");
        }
        return new Validated(
                new SignedImage(event.registry(), event.repository(), digest),
                event.verdict(),
                verifiedBy,
                fingerprints("checkedKeys", event.checkedKeys()),
                SourceTags.text(event.message()));
    }

    private static Set<String> fingerprints(String field, List<String> fingerprints) {
        for (int i = 0; i < fingerprints.size(); i++) {
            String fingerprint = fingerprints.get(i);
            if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
                throw new MalformedEventException(field + "[" + i + "]", field + "[" + i + "] is not sha256:<hex>");
            }
        }
        return Set.copyOf(fingerprints);
    }

    /** @return whether anything was written to the outbox */
    public Uni<Boolean> apply(Validated verdict, Instant now) {
        Uni<Void> remembered = verdict.verdict() == SignatureVerdict.Verified
                ? verifiedImages.record(verdict.image(), verdict.verifiedBy(), now)
                : Uni.createFrom().voidItem();
        return remembered
                .chain(() -> awaiting.streamsOf(verdict.image()))
                .chain(streamIds -> streamIds.isEmpty()
                        ? Uni.createFrom().item(false)
                        : streams.lockWithAliases(streamIds)
                                .chain(() -> awaiting.of(verdict.image()))
                                .chain(items -> judge(items, verdict, now)));
    }

    private Uni<Boolean> judge(List<AwaitingVerdicts.Awaiting> items, Validated verdict, Instant now) {
        Map<String, TrustedKey> askAgain = new LinkedHashMap<>();
        boolean[] moved = new boolean[1];
        return Sequentially.forEach(items, waiting -> {
                    if (waiting.keys().isEmpty()) {
                        // No policy covers the tag any more: its next observation moves it as any tag's does.
                        return Uni.createFrom().voidItem();
                    }
                    Optional<String> trusted = verdict.verdict() == SignatureVerdict.Verified
                            ? TrustedKeys.firstVerified(waiting.keys(), verdict.verifiedBy())
                            : Optional.empty();
                    if (trusted.isPresent()) {
                        waiting.item().judged(Verification.verifiedBy(trusted.get(), verdict.message()));
                        return newestOfItsTag(waiting).chain(newest -> {
                            if (!newest || waiting.tag().held()) {
                                return Uni.createFrom().voidItem();
                            }
                            moved[0] = true;
                            return pointer.moveToVerified(waiting.stream(), waiting.tag(), waiting.item(), now);
                        });
                    }
                    if (!covers(verdict.checkedKeys(), waiting.keys())) {
                        waiting.keys().forEach(key -> askAgain.putIfAbsent(key.fingerprint(), key));
                        return Uni.createFrom().voidItem();
                    }
                    // Every key of the tag was checked and none verified: a Verified verdict for other keys refuses it
                    // too.
                    String reason = verdict.verdict() == SignatureVerdict.Verified
                            ? SignatureVerdict.UntrustedKey.name()
                            : verdict.verdict().name();
                    waiting.item().judged(new Verification(reason, null, verdict.message()));
                    return newestOfItsTag(waiting)
                            .chain(newest -> newest
                                    ? conditions
                                            .set(
                                                    waiting.tag().id,
                                                    TagCondition.VERIFIED,
                                                    "False",
                                                    reason,
                                                    verdict.message(),
                                                    now)
                                            .replaceWithVoid()
                                    : Uni.createFrom().voidItem());
                })
                .chain(() -> askAgain.isEmpty()
                        ? Uni.createFrom().item(moved[0])
                        : checks.request(verdict.image(), askAgain.values(), now)
                                .replaceWith(true));
    }

    private Uni<Boolean> newestOfItsTag(AwaitingVerdicts.Awaiting waiting) {
        return history.newestRecorded(waiting.tag().id).map(newest -> newest.id.equals(waiting.item().id));
    }

    private static boolean covers(Set<String> checkedKeys, List<TrustedKey> keys) {
        return keys.stream().map(TrustedKey::fingerprint).allMatch(checkedKeys::contains);
    }
}
