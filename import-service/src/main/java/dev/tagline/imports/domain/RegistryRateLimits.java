package dev.tagline.imports.domain;

import dev.tagline.imports.config.ImportsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per registry, so that no registry gets more than its share of imports from this replica, however
 * many of its tags are due at once. Scheduled checks wait for a token; imports people or webhooks ask for take
 * one regardless, and scheduled checks make way for them.
 */
@ApplicationScoped
public class RegistryRateLimits {

    private final double capacity;
    private final double perSecond;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RegistryRateLimits(ImportsConfig config) {
        this.capacity = config.registryBurst();
        this.perSecond = config.registryImportsPerMinute() / 60d;
    }

    /** @return empty when the import may go ahead now, else how long until it may */
    public Optional<Duration> tryTake(String registry) {
        return bucketOf(registry).tryTake();
    }

    public void take(String registry) {
        bucketOf(registry).take();
    }

    private TokenBucket bucketOf(String registry) {
        return buckets.computeIfAbsent(registry, ignored -> new TokenBucket(capacity, perSecond, System::nanoTime));
    }
}
