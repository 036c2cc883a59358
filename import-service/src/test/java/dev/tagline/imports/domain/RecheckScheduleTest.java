package dev.tagline.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.events.SignatureVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The re-check waits, counted in checks since the last request. */
class RecheckScheduleTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final List<Duration> WAITS = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2));

    @Test
    void each_check_not_verified_waits_the_next_wait_and_the_last_one_ends_the_schedule() {
        assertThat(RecheckSchedule.next(WAITS, NOW, 1, SignatureVerdict.Unsigned))
                .contains(NOW.plusSeconds(30));
        assertThat(RecheckSchedule.next(WAITS, NOW, 2, SignatureVerdict.RegistryError))
                .contains(NOW.plusSeconds(120));
        assertThat(RecheckSchedule.next(WAITS, NOW, 3, SignatureVerdict.UntrustedKey))
                .isEmpty();
    }

    @Test
    void a_verified_image_is_not_checked_again() {
        assertThat(RecheckSchedule.next(WAITS, NOW, 1, SignatureVerdict.Verified))
                .isEmpty();
    }
}
