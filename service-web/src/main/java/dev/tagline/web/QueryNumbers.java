package dev.tagline.web;

/** Reads whole numbers from query parameters, so that a bad one is a 400 naming it rather than a 404. */
public final class QueryNumbers {

    private QueryNumbers() {}

    public static long parse(String field, String value, long absent, long min, long max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw new InvalidQueryNumberException(field, field + " must be a whole number from " + min + " to " + max);
    }
}
