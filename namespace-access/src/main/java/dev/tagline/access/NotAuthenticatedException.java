package dev.tagline.access;

/** The request carries no credential we accept; the message says why without repeating the credential. */
final class NotAuthenticatedException extends Exception {

    NotAuthenticatedException(String message) {
        super(message, null, false, false);
    }
}
