package dev.tagline.support.config;

import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads a duration as Quarkus does ({@code 5s}, {@code 15m}, {@code PT1H}) and refuses zero and negative
 * ones, so that a bad interval or timeout stops the service at start-up with the setting's name.
 */
public class PositiveDurationConverter implements Converter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration duration = DurationConverter.parseDuration(value);
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("'" + value + "' is not a positive duration");
        }
        return duration;
    }
}
