package dev.tagline.gateway.auth;

import dev.tagline.web.Secret;
import java.time.Duration;
import java.util.HexFormat;

/** GitHub's webhook signature: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}. */
public final class GitHubSignature implements SignatureScheme {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    @Override
    public RequestVerifier verifier(Secret secret, Duration replayWindow) {
        HmacSha256 hmac = new HmacSha256(secret.utf8());
        return request -> {
            String signature = request.header(HEADER);
            if (signature == null || !signature.startsWith(PREFIX)) {
                throw new UnauthorizedException(HEADER, "no " + HEADER + " signature of the form sha256=<hex>", false);
            }
            byte[] presented;
            try {
                presented = HexFormat.of().parseHex(signature.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new UnauthorizedException(HEADER, "the signature is not hex", false);
            }
            if (!ConstantTime.equal(hmac.of(request.body()), presented)) {
                throw new UnauthorizedException(HEADER, "the signature does not match the body", false);
            }
        };
    }
}
