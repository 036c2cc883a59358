package dev.tagline.imports.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} as seconds or as an HTTP date. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void seconds_are_a_delay() {
        assertThat(RetryAfter.parse(" 120 ", NOW)).contains(Duration.ofMinutes(2));
    }

    @Test
    void an_http_date_is_the_time_until_then() {
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 09:01:30 GMT", NOW)).contains(Duration.ofSeconds(90));
    }

    @Test
    void a_date_in_the_past_means_now() {
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 08:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void nonsense_and_absence_give_nothing() {
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }
}
