package dev.tagline.gateway.domain;

import java.time.Instant;

/**
 * One webhook call as it arrived: the exact body bytes (signatures are computed over them), its headers and
 * when it was received.
 *
 * @param queryToken the {@code token} query parameter, for senders that cannot set headers; null when absent
 * @param contentType the {@code Content-Type} header; null when absent
 */
public record WebhookRequest(
        String source, RequestHeaders headers, String queryToken, String contentType, byte[] body, Instant receivedAt) {

    public String header(String name) {
        return headers.get(name);
    }
}
