package dev.tagline.events;

/** An event that can never be applied, whatever the retries: it names the offending field. */
public class MalformedEventException extends RuntimeException {

    private final String field;

    public MalformedEventException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
