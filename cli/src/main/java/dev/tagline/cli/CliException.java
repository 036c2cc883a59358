package dev.tagline.cli;

/** A failure the user can act on, with a message meant for them (exit status 1). */
public class CliException extends RuntimeException {

    public CliException(String message) {
        super(message);
    }
}
