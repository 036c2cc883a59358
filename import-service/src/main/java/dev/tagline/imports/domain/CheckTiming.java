package dev.tagline.imports.domain;

import dev.tagline.events.ImportFailureReason;
import dev.tagline.imports.config.ImportsConfig;
import dev.tagline.imports.registry.ImportFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * When a source is checked next: one interval after a success, backing off exponentially after failures, never
 * before a registry's pause ends; each time delayed by a random part of the interval, so that sources scheduled
 * together drift apart. An interval configured below the minimum is raised to it, with a warning, rather than
 * refused: a typo must not stop the imports, nor make them impolite.
 */
@ApplicationScoped
public class CheckTiming {

    private static final Logger LOG = Logger.getLogger(CheckTiming.class);
    /** 2^16 intervals: beyond any sensible maximum back-off, and far from overflowing a Duration. */
    private static final int MAX_DOUBLINGS = 16;

    private final Duration interval;
    private final double jitter;
    private final Duration maxBackoff;
    private final Duration defaultRateLimitPause;

    public CheckTiming(ImportsConfig config) {
        this.interval = effectiveInterval(config.interval(), config.minInterval());
        this.jitter = config.jitter();
        this.maxBackoff = config.maxBackoff().compareTo(interval) < 0 ? interval : config.maxBackoff();
        this.defaultRateLimitPause = config.defaultRateLimitPause();
    }

    static Duration effectiveInterval(Duration configured, Duration minimum) {
        if (configured.compareTo(minimum) < 0) {
            LOG.warnf(
                    "tagline.imports.interval %s is below tagline.imports.min-interval %s; checking every %s",
                    configured, minimum, minimum);
            return minimum;
        }
        return configured;
    }

    public Instant afterSuccess(Instant now) {
        return now.plus(jittered(interval));
    }

    /**
     * @param failures consecutive failures, this one included
     * @param pause how long the registry asked to be left alone, if it did
     */
    public Instant afterFailure(Instant now, int failures, Optional<Duration> pause) {
        Duration wait = backoff(interval, failures, maxBackoff);
        if (pause.isPresent() && pause.get().compareTo(wait) > 0) {
            wait = pause.get();
        }
        return now.plus(jittered(wait));
    }

    /** How long the registry of a failed import must be left alone: only a rate-limited one, for as long as it asks. */
    public Optional<Duration> pauseFor(ImportFailedException failure) {
        if (failure.reason() != ImportFailureReason.RATE_LIMITED) {
            return Optional.empty();
        }
        Duration asked = failure.retryAfter().orElse(defaultRateLimitPause);
        return Optional.of(asked.compareTo(maxBackoff) > 0 ? maxBackoff : asked);
    }

    /** {@code interval × 2^(failures−1)}, at most {@code max}. */
    static Duration backoff(Duration interval, int failures, Duration max) {
        int doublings = Math.min(Math.max(failures - 1, 0), MAX_DOUBLINGS);
        Duration wait = interval.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private Duration jittered(Duration base) {
        long extra = (long)
                (interval.toMillis() * jitter * ThreadLocalRandom.current().nextDouble());
        return base.plusMillis(extra);
    }
}
