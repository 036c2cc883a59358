package dev.tagline.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Counts the manifest requests the import-service made, from the real registry's access log (each line names the
 * method, path, status and user agent).
 */
final class RegistryLog {

    private static final String USER_AGENT = "tagline-import-service";

    private RegistryLog() {}

    /** Requests of {@code method} for manifests of {@code repository} by the import-service. */
    static long manifestRequests(Path logFile, String method, String repository) {
        return count(logFile, method, Pattern.quote(repository) + "/manifests/\\S+");
    }

    /** Requests of {@code method} for the manifest {@code repository:reference} by the import-service. */
    static long manifestRequests(Path logFile, String method, String repository, String reference) {
        return count(logFile, method, Pattern.quote(repository + "/manifests/" + reference));
    }

    private static long count(Path logFile, String method, String pathPattern) {
        Pattern request =
                Pattern.compile("\"" + method + " /v2/" + pathPattern + " HTTP/1\\.1\" \\d+ .*\"" + USER_AGENT + "\"$");
        try (var lines = Files.lines(logFile)) {
            return lines.filter(line -> request.matcher(line).find()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
