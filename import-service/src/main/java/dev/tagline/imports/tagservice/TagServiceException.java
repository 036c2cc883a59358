package dev.tagline.imports.tagservice;

/** The tag-service did not accept a spec tag, or could not be reached. */
public class TagServiceException extends RuntimeException {

    public TagServiceException(String message) {
        super(message, null, false, false);
    }
}
