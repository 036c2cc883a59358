package dev.tagline.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Back-off after failures and the enforced minimum interval. */
class CheckTimingTest {

    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final Duration MAX = Duration.ofHours(6);

    @Test
    void failures_back_off_exponentially_up_to_the_maximum() {
        assertThat(CheckTiming.backoff(INTERVAL, 1, MAX)).isEqualTo(INTERVAL);
        assertThat(CheckTiming.backoff(INTERVAL, 2, MAX)).isEqualTo(Duration.ofMinutes(30));
        assertThat(CheckTiming.backoff(INTERVAL, 5, MAX)).isEqualTo(Duration.ofHours(4));
        assertThat(CheckTiming.backoff(INTERVAL, 6, MAX)).isEqualTo(MAX);
        assertThat(CheckTiming.backoff(INTERVAL, Integer.MAX_VALUE, MAX)).isEqualTo(MAX);
    }

    @Test
    void an_interval_below_the_minimum_is_raised_to_it() {
        assertThat(CheckTiming.effectiveInterval(Duration.ofSeconds(10), Duration.ofMinutes(1)))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(CheckTiming.effectiveInterval(Duration.ofMinutes(20), Duration.ofMinutes(1)))
                .isEqualTo(Duration.ofMinutes(20));
    }
}
