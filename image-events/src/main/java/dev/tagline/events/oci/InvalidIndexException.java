package dev.tagline.events.oci;

/** Bytes that are not an image index Tagline can read the platforms of. */
public class InvalidIndexException extends RuntimeException {

    public InvalidIndexException(String message) {
        super(message);
    }
}
