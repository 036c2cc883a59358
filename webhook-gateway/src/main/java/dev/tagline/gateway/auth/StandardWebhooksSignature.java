package dev.tagline.gateway.auth;

import dev.tagline.gateway.domain.WebhookRequest;
import dev.tagline.web.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Standard Webhooks signatures: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}
 * (several, space-separated, during a key rotation), with {@code webhook-id} and {@code webhook-timestamp} in
 * seconds. A timestamp outside the replay window is refused, so a captured request cannot be replayed later.
 * A secret {@code whsec_<base64>} is the base64-decoded key, as Standard Webhooks issues them; any other secret
 * is used as its UTF-8 bytes.
 */
public final class StandardWebhooksSignature implements SignatureScheme {

    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";
    private static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION = "v1,";

    @Override
    public RequestVerifier verifier(Secret secret, Duration replayWindow) {
        HmacSha256 hmac = new HmacSha256(key(secret));
        return request -> verify(request, hmac, replayWindow);
    }

    private static void verify(WebhookRequest request, HmacSha256 hmac, Duration replayWindow) {
        String id = required(request, ID);
        String timestamp = required(request, TIMESTAMP);
        String signatures = required(request, SIGNATURE);
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        } catch (RuntimeException e) {
            throw new UnauthorizedException(TIMESTAMP, TIMESTAMP + " is not seconds since the epoch", false);
        }
        if (Duration.between(signedAt, request.receivedAt()).abs().compareTo(replayWindow) > 0) {
            throw new UnauthorizedException(
                    TIMESTAMP,
                    TIMESTAMP + " is more than " + replayWindow
                            + " away from now; a replayed or delayed request is refused",
                    false);
        }
        byte[] expected = hmac.of((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), request.body());
        for (String signature : signatures.trim().split(" +")) {
            if (signature.startsWith(VERSION) && ConstantTime.equal(expected, decoded(signature))) {
                return;
            }
        }
        throw new UnauthorizedException(SIGNATURE, "no v1 signature matches the body", false);
    }

    private static byte[] decoded(String signature) {
        try {
            return Base64.getDecoder().decode(signature.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static String required(WebhookRequest request, String header) {
        String value = request.header(header);
        if (value == null || value.isBlank()) {
            throw new UnauthorizedException(
                    header, "no " + header + " header; Standard Webhooks signatures are required", false);
        }
        return value;
    }

    private static byte[] key(Secret secret) {
        String value = secret.reveal();
        if (!value.startsWith(SECRET_PREFIX)) {
            return secret.utf8();
        }
        try {
            return Base64.getDecoder().decode(value.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a " + SECRET_PREFIX + " secret must be base64 after the prefix");
        }
    }
}
