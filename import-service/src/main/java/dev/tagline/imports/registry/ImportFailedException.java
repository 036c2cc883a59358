package dev.tagline.imports.registry;

import dev.tagline.events.ImportFailureReason;
import java.time.Duration;
import java.util.Optional;

/** A registry tag that could not be resolved, with the reason the contract names and a message for people. */
public class ImportFailedException extends RuntimeException {

    private final ImportFailureReason reason;
    private final Duration retryAfter;
    private final boolean timedOut;

    protected ImportFailedException(ImportFailureReason reason, String message, Duration retryAfter, boolean timedOut) {
        super(message, null, false, false);
        this.reason = reason;
        this.retryAfter = retryAfter;
        this.timedOut = timedOut;
    }

    public static ImportFailedException unauthorized(String message) {
        return new ImportFailedException(ImportFailureReason.UNAUTHORIZED, message, null, false);
    }

    public static ImportFailedException notFound(String message) {
        return new ImportFailedException(ImportFailureReason.NOT_FOUND, message, null, false);
    }

    /** @param retryAfter how long the registry asked to be left alone */
    public static ImportFailedException rateLimited(String message, Duration retryAfter) {
        return new ImportFailedException(ImportFailureReason.RATE_LIMITED, message, retryAfter, false);
    }

    public static ImportFailedException unreachable(String message) {
        return new ImportFailedException(ImportFailureReason.UNREACHABLE, message, null, false);
    }

    public static ImportFailedException timedOut(String message) {
        return new ImportFailedException(ImportFailureReason.UNREACHABLE, message, null, true);
    }

    public static ImportFailedException invalid(String message) {
        return new ImportFailedException(ImportFailureReason.INVALID, message, null, false);
    }

    public ImportFailureReason reason() {
        return reason;
    }

    /** Set when the registry asked, with 429 or 503, to pause for this long. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The registry did not answer in time, as opposed to refusing the connection. */
    public boolean timedOut() {
        return timedOut;
    }
}
