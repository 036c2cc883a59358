package dev.tagline.imports.signing;

/** A registry answer found where a signature should be that cannot be read as one; the message says where. */
public class NotASignatureException extends IllegalArgumentException {

    public NotASignatureException(String message) {
        super(message);
    }
}
