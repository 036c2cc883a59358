package dev.tagline.triggers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Unit test of the backoff schedule alone. */
class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofSeconds(30));

    @Test
    void each_retry_waits_twice_as_long_as_the_one_before_with_jitter_in_the_upper_half_up_to_the_cap() {
        for (int run = 0; run < 100; run++) {
            assertThat(delayAfter(1)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
            assertThat(delayAfter(2)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
            assertThat(delayAfter(3)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
            assertThat(delayAfter(4)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        }
    }

    @Test
    void the_last_attempt_parks_the_delivery() {
        assertThat(policy.nextAttempt(5, NOW)).isEmpty();
        assertThat(policy.nextAttempt(6, NOW)).isEmpty();
    }

    private Duration delayAfter(int attempts) {
        return Duration.between(NOW, policy.nextAttempt(attempts, NOW).orElseThrow());
    }
}
