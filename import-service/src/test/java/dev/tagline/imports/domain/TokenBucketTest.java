package dev.tagline.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket behind the per-registry and global limits, on a clock the test moves. */
class TokenBucketTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TokenBucket bucket = new TokenBucket(3, 1, nanos::get);

    @Test
    void a_full_bucket_gives_its_capacity_at_once_and_then_waits_for_the_refill() {
        assertThat(bucket.takeUpTo(5)).isEqualTo(3);
        assertThat(bucket.tryTake()).contains(Duration.ofSeconds(1));
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(bucket.tryTake()).contains(Duration.ofMillis(500));
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(bucket.tryTake()).isEmpty();
    }

    @Test
    void a_forced_take_goes_into_debt_that_delays_the_next() {
        bucket.takeUpTo(3);
        bucket.take();
        assertThat(bucket.tryTake()).contains(Duration.ofSeconds(2));
    }

    @Test
    void the_refill_stops_at_the_capacity() {
        nanos.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(bucket.takeUpTo(10)).isEqualTo(3);
    }

    @Test
    void tokens_given_back_can_be_taken_again() {
        bucket.takeUpTo(3);
        bucket.giveBack(2);
        assertThat(bucket.takeUpTo(3)).isEqualTo(2);
    }
}
