package dev.tagline.events.reference;

import java.util.Optional;

/** Checks the names users choose: DNS-1123 labels (namespaces, streams, triggers) and image tags. */
public final class ResourceNames {

    private static final int LABEL_MAX_LENGTH = 63;
    private static final int TAG_MAX_LENGTH = 128;

    private ResourceNames() {}

    /**
     * Lowercase letters, digits and {@code -}, starting and ending with a letter or digit, 1 to 63
     * characters.
     *
     * @return what is wrong with {@code value}, empty when it is a valid label
     */
    public static Optional<String> dns1123LabelProblem(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("name is empty; it needs 1 to " + LABEL_MAX_LENGTH + " characters");
        }
        if (value.length() > LABEL_MAX_LENGTH) {
            return Optional.of("name " + Quoted.quote(value) + " is " + value.length() + " characters; at most "
                    + LABEL_MAX_LENGTH);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isLowerAlphanumeric(c) && c != '-') {
                return Optional.of("name " + Quoted.quote(value) + " contains " + Quoted.character(value.codePointAt(i))
                        + " at position " + i + "; only lowercase letters, digits and '-' are allowed");
            }
        }
        if (value.charAt(0) == '-') {
            return Optional.of("name " + Quoted.quote(value) + " must start with a lowercase letter or digit");
        }
        if (value.charAt(value.length() - 1) == '-') {
            return Optional.of("name " + Quoted.quote(value) + " must end with a lowercase letter or digit");
        }
        return Optional.empty();
    }

    /**
     * The distribution tag grammar {@code [\w][\w.-]{0,127}}: letters, digits, {@code _}, {@code .} and
     * {@code -}, not starting with {@code .} or {@code -}, at most 128 characters.
     *
     * @return what is wrong with {@code value}, empty when it is a valid tag
     */
    public static Optional<String> tagNameProblem(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("tag is empty");
        }
        if (value.length() > TAG_MAX_LENGTH) {
            return Optional.of("tag " + Quoted.quote(value) + " is longer than " + TAG_MAX_LENGTH + " characters ("
                    + value.length() + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isWordCharacter(c) && c != '.' && c != '-') {
                return Optional.of("tag " + Quoted.quote(value) + " contains " + Quoted.character(value.codePointAt(i))
                        + " at position " + i + "; only letters, digits, '_', '.' and '-' are allowed");
            }
        }
        if (!isWordCharacter(value.charAt(0))) {
            return Optional.of("tag " + Quoted.quote(value) + " must start with a letter, digit or '_'");
        }
        return Optional.empty();
    }

    static boolean isLowerAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isWordCharacter(char c) {
        return isLowerAlphanumeric(c) || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
