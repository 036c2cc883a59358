package dev.tagline.triggers.domain;

/**
 * How one delivery attempt went.
 *
 * @param statusCode the subscriber's answer, null when there was none
 * @param error what went wrong, null on success; never holds the secret or the body
 * @param retryable false when no later attempt can succeed, so the delivery is parked at once
 */
public record AttemptOutcome(boolean succeeded, Integer statusCode, String error, boolean retryable) {

    public static AttemptOutcome answered(int statusCode) {
        boolean success = statusCode >= 200 && statusCode < 300;
        return new AttemptOutcome(
                success, statusCode, success ? null : "the subscriber answered HTTP " + statusCode, true);
    }

    public static AttemptOutcome failed(String error) {
        return new AttemptOutcome(false, null, error, true);
    }

    public static AttemptOutcome hopeless(String error) {
        return new AttemptOutcome(false, null, error, false);
    }
}
