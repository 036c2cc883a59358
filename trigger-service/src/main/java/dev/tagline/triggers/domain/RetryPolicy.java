package dev.tagline.triggers.domain;

import dev.tagline.triggers.config.TriggersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is attempted again: exponential backoff from the initial delay, capped, with
 * jitter (a random point in the upper half of the delay) so that subscribers coming back are not hit by
 * every delivery at once; after the last attempt, never.
 */
@ApplicationScoped
public class RetryPolicy {

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    @Inject
    public RetryPolicy(TriggersConfig config) {
        this(
                config.delivery().maxAttempts(),
                config.delivery().initialBackoff(),
                config.delivery().maxBackoff());
    }

    RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("tagline.triggers.delivery.max-attempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * @param attempts how many attempts were made, the failed one included
     * @return when to try next; empty when the delivery is to be parked as failed
     */
    public Optional<Instant> nextAttempt(int attempts, Instant now) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        long ceiling = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(attempts - 1, 30));
        long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        return Optional.of(now.plusMillis(delay));
    }
}
