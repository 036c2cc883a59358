package dev.tagline.gateway.api;

import dev.tagline.web.BodySizeLimit;

/** A body above {@code tagline.gateway.max-body-size}. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long maxBytes) {
        super(BodySizeLimit.message(maxBytes));
    }
}
