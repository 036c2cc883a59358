package dev.tagline.tags.service;

import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import dev.tagline.tags.domain.SignedImage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cosign signature tag was pushed: a signature for its digest may have appeared, so every item waiting on that
 * image asks for a check again at once, with the keys of its tag's policies, instead of waiting for the
 * import-service's next scheduled re-check.
 */
@ApplicationScoped
public class SignatureRechecks {

    private final AwaitingVerdicts awaiting;
    private final SignatureCheckRequests checks;

    public SignatureRechecks(AwaitingVerdicts awaiting, SignatureCheckRequests checks) {
        this.awaiting = awaiting;
        this.checks = checks;
    }

    public Uni<Void> requestAgain(SignedImage image, Instant now) {
        return awaiting.of(image).chain(items -> {
            Map<String, TrustedKey> keys = new LinkedHashMap<>();
            items.forEach(waiting -> waiting.keys().forEach(key -> keys.putIfAbsent(key.fingerprint(), key)));
            return keys.isEmpty() ? Uni.createFrom().voidItem() : checks.request(image, keys.values(), now);
        });
    }
}
