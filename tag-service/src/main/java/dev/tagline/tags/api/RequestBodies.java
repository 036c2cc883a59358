package dev.tagline.tags.api;

import dev.tagline.web.InvalidRequestException;

/** Rejects a request that has no body where one is needed. */
final class RequestBodies {

    private RequestBodies() {}

    static <T> T required(T body) {
        if (body == null) {
            throw new InvalidRequestException("body", "a JSON body is required");
        }
        return body;
    }
}
