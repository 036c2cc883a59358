package dev.tagline.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What a receiver of Standard Webhooks checks: the {@code webhook-signature} of a delivery, given the shared secret. */
public final class StandardWebhooks {

    private static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StandardWebhooks() {}

    /** A new {@code whsec_…} secret of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * Whether one of the {@code v1,} signatures is HMAC-SHA256 over {@code id.timestamp.body}, keyed with the
     * secret's decoded bytes.
     */
    public static boolean isSigned(
            String secret, String webhookId, String webhookTimestamp, String body, String webhookSignature) {
        if (webhookId == null || webhookTimestamp == null || webhookSignature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())), "HmacSHA256"));
            byte[] expected =
                    mac.doFinal((webhookId + "." + webhookTimestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Arrays.stream(webhookSignature.split(" "))
                    .filter(entry -> entry.startsWith("v1,"))
                    .anyMatch(entry ->
                            MessageDigest.isEqual(expected, Base64.getDecoder().decode(entry.substring(3))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
