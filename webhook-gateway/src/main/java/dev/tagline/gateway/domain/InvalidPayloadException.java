package dev.tagline.gateway.domain;

/** A webhook body that can never be accepted; names the offending field, e.g. {@code events[0].target.digest}. */
public class InvalidPayloadException extends RuntimeException {

    private final String field;

    public InvalidPayloadException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
