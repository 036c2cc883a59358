package dev.tagline.imports.registry;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Turns a registry's refusal into the failure reason the contract names, with the registry's own words. */
final class RegistryErrors {

    private static final int MAX_DETAIL = 200;

    private RegistryErrors() {}

    /** @param what the request, e.g. {@code HEAD 127.0.0.1:5000/team/app:v1} */
    static ImportFailedException failure(RegistryAnswer answer, String what) {
        String message = what + " answered " + answer.status()
                + detail(answer).map(d -> " (" + d + ")").orElse("");
        int status = answer.status();
        Optional<Duration> retryAfter = RetryAfter.parse(answer.header("Retry-After"), Instant.now());
        if (status == 401 || status == 403) {
            return ImportFailedException.unauthorized(message);
        }
        if (status == 404) {
            return ImportFailedException.notFound(message);
        }
        if (status == 429 || status == 503 && retryAfter.isPresent()) {
            return ImportFailedException.rateLimited(message, retryAfter.orElse(null));
        }
        if (status >= 500) {
            return ImportFailedException.unreachable(message);
        }
        if (status >= 300 && status < 400) {
            return ImportFailedException.invalid(message + "; manifests are not fetched across redirects");
        }
        return ImportFailedException.invalid(message);
    }

    /** The first message of a Distribution error body, {@code {"errors":[{"code","message"}]}}, if there is one. */
    private static Optional<String> detail(RegistryAnswer answer) {
        try {
            JsonArray errors = new JsonObject(answer.body().toString()).getJsonArray("errors");
            if (errors == null || errors.isEmpty()) {
                return Optional.empty();
            }
            String text = errors.getJsonObject(0).getString("message");
            if (text == null) {
                return Optional.empty();
            }
            String printable = text.codePoints()
                    .filter(c -> c >= ' ' && c != 0x7f)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            return Optional.of(printable.length() > MAX_DETAIL ? printable.substring(0, MAX_DETAIL) + "…" : printable);
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }
}
