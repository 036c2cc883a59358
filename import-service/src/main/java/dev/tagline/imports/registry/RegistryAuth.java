package dev.tagline.imports.registry;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers a registry's {@code 401}: a {@code Bearer} challenge with a token from its token server, a
 * {@code Basic} challenge with the registry's configured credentials. Requests go anonymous first; once a
 * registry asked for Basic, or a token was fetched, later requests carry them from the start, saving a round trip.
 */
@ApplicationScoped
public class RegistryAuth {

    private final BearerTokens tokens;
    private final RegistryCredentialStore credentials;
    private final Set<String> basicRegistries = ConcurrentHashMap.newKeySet();

    public RegistryAuth(BearerTokens tokens, RegistryCredentialStore credentials) {
        this.tokens = tokens;
        this.credentials = credentials;
    }

    /** The {@code Authorization} header to send first, when one is known. */
    public Optional<String> known(String registry, String repository) {
        Optional<String> token = tokens.cached(registry, repository).map(value -> "Bearer " + value);
        if (token.isPresent() || !basicRegistries.contains(registry)) {
            return token;
        }
        return credentials.forRegistry(registry).map(RegistryCredentials::basicAuthorization);
    }

    /** @return the {@code Authorization} header to repeat the refused request with */
    public Uni<String> answer(RegistryAnswer refused, String registry, String repository, boolean insecure) {
        tokens.forget(registry, repository);
        Optional<AuthChallenge> challenge = AuthChallenge.parse(refused.header("WWW-Authenticate"));
        if (challenge.isEmpty()) {
            return Uni.createFrom()
                    .failure(ImportFailedException.unauthorized(
                            registry + " refused access without saying how to authenticate"));
        }
        return switch (challenge.get().scheme()) {
            case AuthChallenge.BEARER ->
                tokens.fetch(challenge.get(), registry, repository, insecure).map(token -> "Bearer " + token);
            case AuthChallenge.BASIC ->
                credentials
                        .forRegistry(registry)
                        .map(c -> {
                            basicRegistries.add(registry);
                            return Uni.createFrom().item(c.basicAuthorization());
                        })
                        .orElseGet(() -> Uni.createFrom()
                                .failure(ImportFailedException.unauthorized(registry
                                        + " requires credentials; configure tagline.imports.registries.\"" + registry
                                        + "\".username and .password")));
            default ->
                Uni.createFrom()
                        .failure(ImportFailedException.unauthorized(
                                registry + " asks for the unsupported authentication scheme "
                                        + challenge.get().scheme()));
        };
    }
}
