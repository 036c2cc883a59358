package dev.tagline.access;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns an {@code Authorization: Bearer …} header into a {@link Caller}: a token from the token file, else a JWT
 * verified by SmallRye JWT ({@code mp.jwt.verify.publickey.location}, {@code mp.jwt.verify.issuer}; expiry checked)
 * whose {@code groups} claim carries the roles. Started eagerly, so that a broken token file stops the service.
 */
@Startup
@ApplicationScoped
public class BearerAuthenticator {

    private static final String SCHEME = "bearer ";

    private final Optional<TokenFile> tokenFile;
    private final JWTParser jwtParser;

    BearerAuthenticator(AccessConfig config, JWTParser jwtParser) {
        this.tokenFile = config.tokenFile().map(TokenFile::read);
        this.jwtParser = jwtParser;
    }

    Caller authenticate(String authorization) throws NotAuthenticatedException {
        if (authorization == null || authorization.isBlank()) {
            throw new NotAuthenticatedException("a bearer token is required");
        }
        if (authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new NotAuthenticatedException("the Authorization header must be a Bearer token");
        }
        String token = authorization.substring(SCHEME.length()).strip();
        Caller caller = tokenFile.flatMap(file -> file.callerOf(token)).orElse(null);
        if (caller == null) {
            caller = verifiedJwtCaller(token);
        }
        if (!caller.clusterAdmin() && caller.namespaceRoles().isEmpty()) {
            // Such a token can never be allowed anything; saying so helps whoever set up the identity provider.
            throw new NotAuthenticatedException("the token carries no Tagline roles");
        }
        return caller;
    }

    private Caller verifiedJwtCaller(String token) throws NotAuthenticatedException {
        try {
            JsonWebToken jwt = jwtParser.parse(token);
            return Caller.withGroups(jwt.getName(), jwt.getGroups());
        } catch (ParseException e) {
            throw new NotAuthenticatedException(
                    "the token is not valid: unknown, expired, or not signed by a trusted key");
        }
    }
}
