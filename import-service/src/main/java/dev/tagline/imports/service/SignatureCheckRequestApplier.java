package dev.tagline.imports.service;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.MalformedEventException;
import dev.tagline.events.SignatureCheckRequested;
import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.events.reference.InvalidReferenceException;
import dev.tagline.events.signing.InvalidPublicKeyException;
import dev.tagline.events.signing.PublicKeys;
import dev.tagline.imports.domain.EventFields;
import dev.tagline.imports.domain.RegistryRateLimits;
import dev.tagline.imports.domain.RequestedCheck;
import dev.tagline.support.inbox.AppliedEventLog;
import dev.tagline.support.time.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a {@code signature.check-requested} at once: the image's cosign signatures are checked against the
 * request's keys, outside any transaction, then one transaction records the request as applied, the verdict and
 * the re-check schedule, and writes the verdict to the outbox. A request already applied is skipped before the
 * registry is asked.
 */
@ApplicationScoped
public class SignatureCheckRequestApplier {

    /** More keys than any policy set needs, few enough to check every signature against each. */
    static final int MAX_KEYS = 32;

    private final AppliedEventLog appliedEvents;
    private final PlainHttpRegistries plainHttp;
    private final RegistryRateLimits rateLimits;
    private final SignatureChecker checker;
    private final SignatureCheckRecorder recorder;

    public SignatureCheckRequestApplier(
            AppliedEventLog appliedEvents,
            PlainHttpRegistries plainHttp,
            RegistryRateLimits rateLimits,
            SignatureChecker checker,
            SignatureCheckRecorder recorder) {
        this.appliedEvents = appliedEvents;
        this.plainHttp = plainHttp;
        this.rateLimits = rateLimits;
        this.checker = checker;
        this.recorder = recorder;
    }

    /**
     * @return whether a verdict was written (false when the request was applied before)
     * @throws MalformedEventException when the request can never be answered
     */
    public Uni<Boolean> apply(CloudEventHeaders event, String data) {
        RequestedCheck check = validate(event, data);
        return Panache.withSession(() -> appliedEvents
                        .wasApplied(event.source(), event.id())
                        .chain(applied -> applied
                                ? Uni.createFrom().item(Optional.<Boolean>empty())
                                : plainHttp
                                        .allowed(check.registry(), check.repository())
                                        .map(Optional::of)))
                .chain(insecure ->
                        insecure.isEmpty() ? Uni.createFrom().item(false) : answer(event, check, insecure.get()));
    }

    private Uni<Boolean> answer(CloudEventHeaders event, RequestedCheck check, boolean insecure) {
        rateLimits.take(check.registry());
        return checker.check(check, insecure)
                .chain(outcome -> Panache.withTransaction(() -> appliedEvents
                        .recordFirstApplication(event.source(), event.id(), Timestamps.now())
                        .chain(first -> first
                                ? recorder.requested(check, insecure, outcome)
                                : Uni.createFrom().item(false))));
    }

    /**
     * Reads and checks a request before any other work.
     *
     * @throws MalformedEventException when the request can never be answered
     */
    static RequestedCheck validate(CloudEventHeaders event, String data) {
        if (event.type() != EventType.SIGNATURE_CHECK_REQUESTED) {
            throw new MalformedEventException(
                    CloudEventHeaders.TYPE, event.type().type() + " is not a signature check");
        }
        return validate(EventJson.read(data, SignatureCheckRequested.class));
    }

    private static RequestedCheck validate(SignatureCheckRequested request) {
        EventFields.require("registry", request.registry());
        EventFields.require("repository", request.repository());
        EventFields.require("digest", request.digest());
        ImageReference image;
        try {
            image = new ImageReference(request.registry(), request.repository(), null, digest(request.digest()));
        } catch (InvalidReferenceException e) {
            throw new MalformedEventException(
                    "registry/repository@digest", "registry/repository@digest: " + e.getMessage());
        }
        return new RequestedCheck(image.registry(), image.repository(), image.digest(), keys(request.keys()));
    }

    /** cosign names signatures by sha256 or sha512 digests only. */
    private static Digest digest(String text) {
        Digest digest = Digest.parse(text);
        if (!digest.algorithm().equals("sha256") && !digest.algorithm().equals("sha512")) {
            throw new InvalidReferenceException("digest algorithm " + digest.algorithm() + " is not sha256 or sha512");
        }
        return digest;
    }

    private static List<TrustedKey> keys(List<TrustedKey> keys) {
        if (keys.isEmpty()) {
            throw new MalformedEventException("keys", "keys is empty; a signature needs a key to verify with");
        }
        if (keys.size() > MAX_KEYS) {
            throw new MalformedEventException("keys", "keys lists " + keys.size() + " keys; at most " + MAX_KEYS);
        }
        List<TrustedKey> checked = new ArrayList<>();
        Set<String> fingerprints = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            TrustedKey key = keys.get(i);
            String field = "keys[" + i + "]";
            EventFields.require(field, key);
            EventFields.require(field + ".fingerprint", key.fingerprint());
            EventFields.require(field + ".publicKey", key.publicKey());
            String fingerprint;
            try {
                fingerprint = PublicKeys.fingerprint(key.publicKey());
            } catch (InvalidPublicKeyException e) {
                throw new MalformedEventException(field + ".publicKey", field + ".publicKey " + e.getMessage());
            }
            if (!fingerprint.equals(key.fingerprint())) {
                throw new MalformedEventException(
                        field + ".fingerprint", field + ".fingerprint is not the key's; it" + " is " + fingerprint);
            }
            if (fingerprints.add(fingerprint)) {
                checked.add(key);
            }
        }
        return checked;
    }
}
