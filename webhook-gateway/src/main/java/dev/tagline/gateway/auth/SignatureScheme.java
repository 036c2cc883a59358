package dev.tagline.gateway.auth;

import dev.tagline.web.Secret;
import java.time.Duration;

/** How a webhook format signs its bodies with a shared secret. */
public interface SignatureScheme {

    /**
     * A verifier for one source's secret.
     *
     * @param replayWindow how far a signed timestamp may be from now, for schemes that sign one
     * @throws IllegalArgumentException when the secret cannot be used by this scheme
     */
    RequestVerifier verifier(Secret secret, Duration replayWindow);
}
