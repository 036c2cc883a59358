package dev.tagline.imports.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of the registry answers' header parsers (Jazzer): whatever a registry sends, reading
 * {@code WWW-Authenticate} and {@code Retry-After} ends, without an exception, in an answer or in "none"; a scheme
 * is lowercase and not empty, a delay never negative. The corpus under {@code RegistryHeadersFuzzTestInputs} runs in
 * every build.
 */
class RegistryHeadersFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-03T09:15:30Z");

    @FuzzTest
    void www_authenticate_gives_a_challenge_or_none(@NotNull String header) {
        Optional<AuthChallenge> challenge = AuthChallenge.parse(header);
        challenge.ifPresent(read -> assertThat(read.scheme()).isNotEmpty().isLowerCase());
    }

    @FuzzTest
    void retry_after_gives_a_delay_that_is_never_negative_or_none(@NotNull String header) {
        Optional<Duration> delay = RetryAfter.parse(header, NOW);
        delay.ifPresent(
                wait -> assertThat(wait.isNegative()).as("%s is negative", wait).isFalse());
    }
}
