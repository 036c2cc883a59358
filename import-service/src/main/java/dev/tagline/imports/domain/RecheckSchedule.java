package dev.tagline.imports.domain;

import dev.tagline.events.SignatureVerdict;
import dev.tagline.imports.config.ImportsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When an image's signatures are checked again: not after {@code Verified}; otherwise after the next wait of
 * {@code tagline.imports.signatures.recheck-after}, counted in checks since the image was last requested, and
 * never once the list is used up. A signer who pushes later is caught on the next wait; the tag-service asking
 * again starts the list over.
 */
@ApplicationScoped
public class RecheckSchedule {

    private final List<Duration> waits;

    public RecheckSchedule(ImportsConfig config) {
        this.waits = List.copyOf(config.signatures().recheckAfter());
    }

    /** @param checksSinceRequest checks made since the last request, the one just made included */
    public Optional<Instant> next(Instant now, int checksSinceRequest, SignatureVerdict verdict) {
        return next(waits, now, checksSinceRequest, verdict);
    }

    static Optional<Instant> next(List<Duration> waits, Instant now, int checksSinceRequest, SignatureVerdict verdict) {
        if (verdict == SignatureVerdict.Verified || checksSinceRequest > waits.size()) {
            return Optional.empty();
        }
        return Optional.of(now.plus(waits.get(checksSinceRequest - 1)));
    }
}
