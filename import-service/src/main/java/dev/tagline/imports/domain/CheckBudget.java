package dev.tagline.imports.domain;

import dev.tagline.imports.config.ImportsConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The cap on scheduled checks per minute of this replica over all registries: a token bucket a minute deep. */
@ApplicationScoped
public class CheckBudget {

    private final TokenBucket bucket;

    public CheckBudget(ImportsConfig config) {
        this.bucket = new TokenBucket(config.maxChecksPerMinute(), config.maxChecksPerMinute() / 60d, System::nanoTime);
    }

    /** Reserves checks; returns how many may run now, at most {@code wanted}. */
    public int reserve(int wanted) {
        return bucket.takeUpTo(wanted);
    }

    /** Returns reserved checks that did not run. */
    public void refund(int unused) {
        if (unused > 0) {
            bucket.giveBack(unused);
        }
    }
}
