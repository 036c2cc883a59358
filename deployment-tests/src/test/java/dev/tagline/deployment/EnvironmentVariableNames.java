package dev.tagline.deployment;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * MicroProfile Config's rule for setting a property from the environment: every character that is not a letter or
 * a digit becomes {@code _}, and the name is upper case. A map key ({@code *}) may be any such name.
 */
final class EnvironmentVariableNames {

    private static final String ANY_KEY = "[A-Z0-9_]+";

    private EnvironmentVariableNames() {}

    static String of(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The environment-variable names that set {@code property}, which may hold {@code *} for map keys. */
    static Pattern patternOf(String property) {
        String[] literals = property.split(Pattern.quote(ConfigMappingProperties.ANY_KEY), -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append(ANY_KEY);
            }
            regex.append(Pattern.quote(of(literals[i])));
        }
        return Pattern.compile(regex.toString());
    }
}
