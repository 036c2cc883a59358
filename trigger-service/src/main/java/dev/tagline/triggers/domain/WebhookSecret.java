package dev.tagline.triggers.domain;

import java.util.Base64;

/**
 * The key deliveries are signed with, as Standard Webhooks defines it: {@code whsec_} followed by the base64
 * of 24 to 64 random bytes (the prefix may be left out). The key is the decoded bytes. Neither the text nor
 * the key ever appear in a message or {@code toString}.
 *
 * @param text as the user gave it, stored so that deliveries can be signed
 */
public record WebhookSecret(String text, byte[] key) {

    public static final String FIELD = "webhook.secret";
    public static final String PREFIX = "whsec_";
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;

    public static WebhookSecret parse(String text) {
        if (text == null || text.isEmpty()) {
            throw missing();
        }
        String encoded = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidTriggerException(
                    FIELD,
                    "the secret must be " + PREFIX + " followed by standard base64 (A-Z, a-z, 0-9, +, /, = padding)");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new InvalidTriggerException(
                    FIELD,
                    "the secret decodes to " + key.length + " bytes; it needs " + MIN_BYTES + " to " + MAX_BYTES);
        }
        return new WebhookSecret(text, key);
    }

    public static InvalidTriggerException missing() {
        return new InvalidTriggerException(
                FIELD,
                "a webhook needs a secret: " + PREFIX + " followed by the base64 of " + MIN_BYTES + " to " + MAX_BYTES
                        + " random bytes");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret secret && secret.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "WebhookSecret[***]";
    }
}
