package dev.tagline.imports.registry;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gets pull tokens from the token server a registry's {@code Bearer} challenge names (the Docker token
 * protocol), with the registry's configured credentials if any, and keeps each until shortly before it expires.
 * Tokens are secrets: they are never logged.
 */
@ApplicationScoped
public class BearerTokens {

    /** The token protocol's default lifetime, when the server does not say. */
    private static final long DEFAULT_LIFETIME_SECONDS = 60;

    private record Token(String value, Instant renewAt) {}

    private final RegistryHttp http;
    private final AllowedRegistries allowed;
    private final RegistryCredentialStore credentials;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public BearerTokens(RegistryHttp http, AllowedRegistries allowed, RegistryCredentialStore credentials) {
        this.http = http;
        this.allowed = allowed;
        this.credentials = credentials;
    }

    /** A token still valid for pulling from the repository, if one was fetched before. */
    public Optional<String> cached(String registry, String repository) {
        Token token = tokens.get(key(registry, repository));
        return token != null && Instant.now().isBefore(token.renewAt()) ? Optional.of(token.value()) : Optional.empty();
    }

    public void forget(String registry, String repository) {
        tokens.remove(key(registry, repository));
    }

    /**
     * Fetches a token as the challenge asks.
     *
     * @param insecure the source may use plain HTTP, and so may its token server; otherwise HTTPS is required
     */
    public Uni<String> fetch(AuthChallenge challenge, String registry, String repository, boolean insecure) {
        String realm = challenge.parameter("realm").orElse("");
        URI uri;
        try {
            uri = new URI(realm);
        } catch (java.net.URISyntaxException e) {
            return Uni.createFrom()
                    .failure(ImportFailedException.invalid(registry + " named an unreadable token realm"));
        }
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        if (uri.getHost() == null || !tls && !("http".equalsIgnoreCase(uri.getScheme()) && insecure)) {
            return Uni.createFrom()
                    .failure(ImportFailedException.invalid(registry + " named the token realm '" + realm
                            + "'; it must be an https URL (http only for an insecure source)"));
        }
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        String authority = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        String scope = challenge.parameter("scope").orElse("repository:" + repository + ":pull");
        String requestUri = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + "?" + (uri.getRawQuery() == null ? "" : uri.getRawQuery() + "&")
                + challenge
                        .parameter("service")
                        .map(service -> "service=" + encode(service) + "&")
                        .orElse("")
                + "scope=" + encode(scope);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        credentials.forRegistry(registry).ifPresent(c -> headers.put("Authorization", c.basicAuthorization()));
        return allowed.admit(authority, uri.getHost(), port)
                .chain(address ->
                        http.send(HttpMethod.GET, new Endpoint(tls, uri.getHost(), port, address), requestUri, headers))
                .map(answer -> remember(registry, repository, tokenOf(registry, answer)));
    }

    private String remember(String registry, String repository, Token token) {
        tokens.put(key(registry, repository), token);
        return token.value();
    }

    private static Token tokenOf(String registry, RegistryAnswer answer) {
        if (answer.status() == 401 || answer.status() == 403) {
            throw ImportFailedException.unauthorized("the token server of " + registry + " refused the request ("
                    + answer.status() + "); check tagline.imports.registries.\"" + registry + "\"");
        }
        if (answer.status() == 429) {
            throw ImportFailedException.rateLimited(
                    "the token server of " + registry + " answered 429",
                    RetryAfter.parse(answer.header("Retry-After"), Instant.now())
                            .orElse(null));
        }
        if (answer.status() != 200) {
            throw ImportFailedException.unreachable("the token server of " + registry + " answered " + answer.status());
        }
        try {
            JsonObject json = answer.body().toJsonObject();
            String value = json.getString("token", json.getString("access_token"));
            if (value == null || value.isBlank()) {
                throw ImportFailedException.invalid("the token server of " + registry + " answered no token");
            }
            long lifetime = json.getLong("expires_in", DEFAULT_LIFETIME_SECONDS);
            // Renewed a little early, so that a token never expires between the check and its use.
            return new Token(
                    value,
                    Instant.now()
                            .plus(Duration.ofSeconds(lifetime).multipliedBy(9).dividedBy(10)));
        } catch (DecodeException | ClassCastException e) {
            throw ImportFailedException.invalid("the token server of " + registry + " answered unreadable JSON");
        }
    }

    private static String key(String registry, String repository) {
        return registry + "/" + repository;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
