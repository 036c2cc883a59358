package dev.tagline.events.signing;

/** A text that is not a public key Tagline can verify signatures with; the message says why, without the key. */
public class InvalidPublicKeyException extends IllegalArgumentException {

    public InvalidPublicKeyException(String message) {
        super(message);
    }
}
