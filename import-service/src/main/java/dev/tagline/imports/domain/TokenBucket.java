package dev.tagline.imports.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/** A token bucket: up to {@code capacity} tokens, refilled continuously at a fixed rate, starting full. */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;

    TokenBucket(double capacity, double tokensPerSecond, LongSupplier nanoClock) {
        if (capacity < 1 || tokensPerSecond <= 0) {
            throw new IllegalArgumentException("a token bucket needs a capacity of at least 1 and a positive rate");
        }
        this.capacity = capacity;
        this.tokensPerNano = tokensPerSecond / 1_000_000_000d;
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.refilledAt = nanoClock.getAsLong();
    }

    /** Takes up to {@code wanted} whole tokens; returns how many it took. */
    synchronized int takeUpTo(int wanted) {
        refill();
        int taken = (int) Math.min(wanted, Math.floor(tokens));
        tokens -= Math.max(taken, 0);
        return Math.max(taken, 0);
    }

    synchronized void giveBack(int count) {
        tokens = Math.min(capacity, tokens + count);
    }

    /** Takes one token if there is one; otherwise says how long until there will be, and takes nothing. */
    synchronized Optional<Duration> tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano)));
    }

    /** Takes one token even if there is none: the debt delays whoever asks next. */
    synchronized void take() {
        refill();
        tokens -= 1;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
    }
}
