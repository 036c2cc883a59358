package dev.tagline.triggers.webhook;

/** A webhook URL whose host does not resolve, or resolves to an address the allowlist refuses. */
public class WebhookTargetRefused extends RuntimeException {

    public WebhookTargetRefused(String message) {
        super(message);
    }
}
