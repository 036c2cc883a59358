package dev.tagline.gateway.auth;

/**
 * A webhook that does not prove it comes from the source's sender; names the header that failed. With a
 * challenge, the answer says which {@code Authorization} schemes would do.
 */
public class UnauthorizedException extends RuntimeException {

    private final String field;
    private final boolean challenge;

    public UnauthorizedException(String field, String message, boolean challenge) {
        super(message);
        this.field = field;
        this.challenge = challenge;
    }

    public String field() {
        return field;
    }

    public boolean challenge() {
        return challenge;
    }
}
