package dev.tagline.gateway.auth;

import dev.tagline.gateway.domain.WebhookRequest;
import dev.tagline.web.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything one source requires of a request: its token, its signature, both, or (only if allowed) nothing. */
public final class SourceAuthentication {

    private final List<RequestVerifier> verifiers;

    private SourceAuthentication(List<RequestVerifier> verifiers) {
        this.verifiers = List.copyOf(verifiers);
    }

    /**
     * @param scheme how the source's format signs, empty when it does not
     * @throws IllegalArgumentException when a credential is missing, unusable, or of a kind the format has not
     */
    public static SourceAuthentication of(
            Optional<Secret> token,
            Optional<Secret> hmacSecret,
            Optional<SignatureScheme> scheme,
            Duration replayWindow,
            boolean required) {
        List<RequestVerifier> verifiers = new ArrayList<>();
        token.ifPresent(secret -> verifiers.add(new TokenCredential(secret)));
        if (hmacSecret.isPresent()) {
            SignatureScheme signatures = scheme.orElseThrow(() -> new IllegalArgumentException(
                    "its format does not sign webhooks, so an hmac-secret cannot be checked; configure a token"));
            verifiers.add(signatures.verifier(hmacSecret.get(), replayWindow));
        }
        if (verifiers.isEmpty() && required) {
            throw new IllegalArgumentException("it has neither a token nor an hmac-secret; configure one, or set "
                    + "auth-required=false to accept unauthenticated webhooks");
        }
        return new SourceAuthentication(verifiers);
    }

    /** @throws UnauthorizedException naming the first check the request fails */
    public void verify(WebhookRequest request) {
        for (RequestVerifier verifier : verifiers) {
            verifier.verify(request);
        }
    }
}
