package dev.tagline.triggers.domain;

/** A trigger, or part of one, that can never be accepted. */
public class InvalidTriggerException extends FieldException {

    public InvalidTriggerException(String field, String message) {
        super(field, message);
    }
}
