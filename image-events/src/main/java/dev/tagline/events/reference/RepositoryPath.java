package dev.tagline.events.reference;

/**
 * The path of a repository inside its registry: components of lowercase letters and digits joined by
 * {@code .}, {@code _}, {@code __} or a run of {@code -}, separated by {@code /}.
 */
final class RepositoryPath {

    private RepositoryPath() {}

    /** @throws InvalidReferenceException naming the offending component */
    static void check(String path) {
        if (path.startsWith("/")) {
            throw new InvalidReferenceException("repository path " + Quoted.quote(path) + " starts with '/'");
        }
        if (path.endsWith("/")) {
            throw new InvalidReferenceException("repository path " + Quoted.quote(path) + " ends with '/'");
        }
        for (String component : path.split("/", -1)) {
            if (component.isEmpty()) {
                throw new InvalidReferenceException(
                        "repository path " + Quoted.quote(path) + " has an empty component ('//')");
            }
            checkComponent(component);
        }
    }

    private static void checkComponent(String component) {
        if (component.equals(".") || component.equals("..")) {
            throw new InvalidReferenceException(Quoted.quote(component) + " is not a valid path component");
        }
        if (component.chars().anyMatch(c -> c >= 'A' && c <= 'Z')) {
            throw invalid(component, "must be lowercase");
        }
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (!ResourceNames.isLowerAlphanumeric(c) && !isSeparator(c)) {
                throw invalid(
                        component,
                        "contains " + Quoted.character(component.codePointAt(i)) + " at position " + i
                                + "; only lowercase letters, digits, '.', '_' and '-' are allowed");
            }
        }
        if (isSeparator(component.charAt(0))) {
            throw invalid(component, "must start with a lowercase letter or digit");
        }
        if (isSeparator(component.charAt(component.length() - 1))) {
            throw invalid(component, "must end with a lowercase letter or digit");
        }
        checkSeparators(component);
    }

    private static void checkSeparators(String component) {
        for (String separator : component.split("[a-z0-9]+")) {
            if (!separator.isEmpty() && !isAllowed(separator)) {
                throw invalid(
                        component,
                        "joins letters and digits with " + Quoted.quote(separator)
                                + "; only '.', '_', '__' or a run of '-' may");
            }
        }
    }

    private static boolean isAllowed(String separator) {
        return separator.equals(".")
                || separator.equals("_")
                || separator.equals("__")
                || separator.chars().allMatch(c -> c == '-');
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == '_' || c == '-';
    }

    private static InvalidReferenceException invalid(String component, String problem) {
        return new InvalidReferenceException("repository path component " + Quoted.quote(component) + " " + problem);
    }
}
