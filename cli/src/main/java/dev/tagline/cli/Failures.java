package dev.tagline.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/** Turns what went wrong into one plain line for stderr: never a stack trace, never a token. */
final class Failures {

    private Failures() {}

    static String message(Exception exception) {
        Throwable cause = exception;
        while (cause != null) {
            if (cause instanceof CliException) {
                return "error: " + cause.getMessage();
            }
            if (cause instanceof ConnectException) {
                return "error: cannot connect to the server (is it running, and is the server in the context right?)";
            }
            if (cause instanceof HttpTimeoutException) {
                return "error: the server did not answer in time";
            }
            if (cause instanceof IOException) {
                return "error: talking to the server failed: " + cause.getMessage();
            }
            cause = cause.getCause();
        }
        return "error: " + exception;
    }
}
