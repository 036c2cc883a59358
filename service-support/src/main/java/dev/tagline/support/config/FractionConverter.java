package dev.tagline.support.config;

import org.eclipse.microprofile.config.spi.Converter;

/** Reads a fraction from 0 to 1, so that a bad one stops the service at start-up, named. */
public class FractionConverter implements Converter<Double> {

    @Override
    public Double convert(String value) {
        double fraction;
        try {
            fraction = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number");
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("'" + value + "' is not between 0 and 1");
        }
        return fraction;
    }
}
