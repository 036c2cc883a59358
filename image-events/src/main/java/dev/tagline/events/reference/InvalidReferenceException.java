package dev.tagline.events.reference;

/**
 * An image reference, digest or name that breaks the distribution reference grammar; the message says
 * what is wrong and where (positions count from 0).
 */
public class InvalidReferenceException extends IllegalArgumentException {

    public InvalidReferenceException(String message) {
        super(message);
    }
}
