package dev.tagline.gateway.auth;

import dev.tagline.gateway.domain.WebhookRequest;

/** One check that a webhook request comes from the source's sender. */
@FunctionalInterface
public interface RequestVerifier {

    /** @throws UnauthorizedException when the request does not pass */
    void verify(WebhookRequest request);
}
