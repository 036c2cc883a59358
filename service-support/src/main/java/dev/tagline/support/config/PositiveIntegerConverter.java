package dev.tagline.support.config;

import org.eclipse.microprofile.config.spi.Converter;

/** Reads a count or a size that must be at least 1, so that a bad one stops the service at start-up, named. */
public class PositiveIntegerConverter implements Converter<Integer> {

    @Override
    public Integer convert(String value) {
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number");
        }
        if (number < 1) {
            throw new IllegalArgumentException("'" + value + "' is not at least 1");
        }
        return number;
    }
}
