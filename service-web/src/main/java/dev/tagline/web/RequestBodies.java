package dev.tagline.web;

/** Rejects a request that has no body where one is needed. */
public final class RequestBodies {

    private RequestBodies() {}

    public static <T> T required(T body) {
        if (body == null) {
            throw new InvalidRequestException("body", "a JSON body is required");
        }
        return body;
    }
}
