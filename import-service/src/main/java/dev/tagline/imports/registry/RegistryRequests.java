package dev.tagline.imports.registry;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests to one repository of a registry as every registry call makes them: the registry admitted by the
 * allow-list and the outbound address guard first, then each request sent with what is known to authenticate and,
 * on a {@code 401}, repeated once with what the challenge asks for. Answers come back whatever their status.
 */
@ApplicationScoped
public class RegistryRequests {

    private final RegistryHttp http;
    private final AllowedRegistries allowed;
    private final RegistryAuth auth;

    public RegistryRequests(RegistryHttp http, AllowedRegistries allowed, RegistryAuth auth) {
        this.http = http;
        this.allowed = allowed;
        this.auth = auth;
    }

    /**
     * @param insecure plain HTTP instead of verified HTTPS
     * @throws RegistryNotAllowedException (as the failure) when the configuration does not allow the registry
     */
    public Uni<Repository> repository(String registry, String repository, boolean insecure) {
        Endpoint.Address api = RegistryApiHost.of(registry, !insecure);
        return allowed.admit(registry, api.host(), api.port())
                .map(address -> new Repository(
                        new Endpoint(!insecure, api.host(), api.port(), address), registry, repository, insecure));
    }

    /** One admitted repository: every request goes to the address the guard checked. */
    public final class Repository {

        private final Endpoint endpoint;
        private final String registry;
        private final String repository;
        private final boolean insecure;

        private Repository(Endpoint endpoint, String registry, String repository, boolean insecure) {
            this.endpoint = endpoint;
            this.registry = registry;
            this.repository = repository;
            this.insecure = insecure;
        }

        /**
         * @param path below {@code /v2/<repository>/}, e.g. {@code manifests/v1}
         * @param maxBodyBytes a longer body fails the request as invalid
         */
        public Uni<RegistryAnswer> send(HttpMethod method, String path, String accept, int maxBodyBytes) {
            String uri = "/v2/" + repository + "/" + path;
            return send(method, uri, accept, auth.known(registry, repository).orElse(null), maxBodyBytes)
                    .chain(answer -> answer.status() == 401
                            ? auth.answer(answer, registry, repository, insecure)
                                    .chain(authorization -> send(method, uri, accept, authorization, maxBodyBytes))
                            : Uni.createFrom().item(answer));
        }

        /**
         * A blob, by digest. Registries that keep blobs elsewhere (Docker Hub, Quay) answer with a redirect to
         * storage: one is followed, admitted by the allow-list like a registry, HTTPS unless the repository is
         * insecure, and without the registry's credentials, which are not the storage's.
         */
        public Uni<RegistryAnswer> blob(String digest, int maxBodyBytes) {
            return send(HttpMethod.GET, "blobs/" + digest, "*/*", maxBodyBytes).chain(answer -> {
                String location = answer.header("Location");
                return isRedirect(answer.status()) && location != null
                        ? redirected(location, maxBodyBytes)
                        : Uni.createFrom().item(answer);
            });
        }

        private Uni<RegistryAnswer> redirected(String location, int maxBodyBytes) {
            URI target;
            try {
                target = new URI(endpoint.origin() + "/").resolve(location);
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Uni.createFrom()
                        .failure(ImportFailedException.invalid(
                                registry + " redirected a blob to an unreadable location"));
            }
            boolean tls = "https".equalsIgnoreCase(target.getScheme());
            if (target.getHost() == null || !tls && !("http".equalsIgnoreCase(target.getScheme()) && insecure)) {
                return Uni.createFrom()
                        .failure(ImportFailedException.invalid(registry + " redirected a blob to "
                                + target.getScheme() + "://" + target.getHost()
                                + "; only https is followed (http only for an"
                                + " insecure source)"));
            }
            int port = target.getPort() > 0 ? target.getPort() : tls ? 443 : 80;
            String authority = target.getPort() > 0 ? target.getHost() + ":" + target.getPort() : target.getHost();
            String uri = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                    + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
            return allowed.admit(authority, target.getHost(), port)
                    .chain(address -> http.send(
                            HttpMethod.GET,
                            new Endpoint(tls, target.getHost(), port, address),
                            uri,
                            Map.of("Accept", "*/*"),
                            maxBodyBytes));
        }

        private Uni<RegistryAnswer> send(
                HttpMethod method, String uri, String accept, String authorization, int maxBodyBytes) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", accept);
            if (authorization != null) {
                headers.put("Authorization", authorization);
            }
            return http.send(method, endpoint, uri, headers, maxBodyBytes);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
