package dev.tagline.gateway.auth;

import dev.tagline.gateway.domain.WebhookRequest;
import dev.tagline.web.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The source's token, presented as {@code Authorization: Bearer <token>}, as Basic credentials whose
 * {@code user:password} is the token (what Distribution's and Harbor's configured headers, and URLs with user
 * info, send), or as a {@code token} query parameter for senders that cannot set headers.
 */
final class TokenCredential implements RequestVerifier {

    static final String AUTHORIZATION = "Authorization";
    private static final String BEARER = "bearer ";
    private static final String BASIC = "basic ";

    private final byte[] expectedHash;

    TokenCredential(Secret token) {
        if (token.isBlank()) {
            throw new IllegalArgumentException("the token is empty");
        }
        this.expectedHash = ConstantTime.sha256(token.utf8());
    }

    @Override
    public void verify(WebhookRequest request) {
        byte[] presented = presented(request);
        if (!ConstantTime.equal(expectedHash, ConstantTime.sha256(presented))) {
            throw new UnauthorizedException(AUTHORIZATION, "the credential is not the source's token", true);
        }
    }

    /**
     * The query parameter comes first: a sender that can only add it may still send an {@code Authorization} header of
     * its own, such as the OIDC token Pub/Sub adds to pushes.
     */
    private static byte[] presented(WebhookRequest request) {
        if (request.queryToken() != null) {
            return request.queryToken().getBytes(StandardCharsets.UTF_8);
        }
        String header = request.header(AUTHORIZATION);
        if (header == null) {
            throw new UnauthorizedException(
                    AUTHORIZATION,
                    "no credential: send the source's token as a Bearer token " + "or as Basic user:password",
                    true);
        }
        if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        }
        if (header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            try {
                return Base64.getDecoder()
                        .decode(header.substring(BASIC.length()).trim());
            } catch (IllegalArgumentException e) {
                throw new UnauthorizedException(AUTHORIZATION, "the Basic credentials are not base64", true);
            }
        }
        throw new UnauthorizedException(AUTHORIZATION, "unsupported authorization scheme; use Bearer or Basic", true);
    }
}
