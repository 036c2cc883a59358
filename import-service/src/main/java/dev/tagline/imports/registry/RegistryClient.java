package dev.tagline.imports.registry;

import dev.tagline.events.Platform;
import dev.tagline.events.oci.IndexManifest;
import dev.tagline.events.oci.InvalidIndexException;
import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.events.reference.InvalidReferenceException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a registry tag to the digest it points at, through the OCI Distribution API: one {@code HEAD} of the
 * manifest with every manifest media type accepted, reading {@code Docker-Content-Digest}; a {@code GET} only for
 * an index (to record its platforms, by digest, so a push in between cannot mix two images) or when the
 * {@code HEAD} named no digest. HTTPS with verified certificates unless the source is insecure, which means plain
 * HTTP.
 */
@ApplicationScoped
public class RegistryClient {

    private static final String DIGEST_HEADER = "Docker-Content-Digest";

    private final RegistryHttp http;
    private final AllowedRegistries allowed;
    private final RegistryAuth auth;

    public RegistryClient(RegistryHttp http, AllowedRegistries allowed, RegistryAuth auth) {
        this.http = http;
        this.allowed = allowed;
        this.auth = auth;
    }

    /**
     * @param source names a tag
     * @throws ImportFailedException (as the failure) with the reason the contract names
     */
    public Uni<ResolvedImage> resolve(ImageReference source, boolean insecure) {
        Endpoint.Address api = RegistryApiHost.of(source.registry(), !insecure);
        return allowed.admit(source.registry(), api.host(), api.port())
                .map(address -> new Endpoint(!insecure, api.host(), api.port(), address))
                .chain(endpoint -> new Exchange(endpoint, source, insecure).resolve());
    }

    /** The calls that resolve one tag. */
    private final class Exchange {

        private final Endpoint endpoint;
        private final ImageReference source;
        private final boolean insecure;

        Exchange(Endpoint endpoint, ImageReference source, boolean insecure) {
            this.endpoint = endpoint;
            this.source = source;
            this.insecure = insecure;
        }

        Uni<ResolvedImage> resolve() {
            return manifest(HttpMethod.HEAD, source.tag()).map(head -> {
                String mediaType = ManifestMediaTypes.of(head.header("Content-Type"));
                String digest = head.header(DIGEST_HEADER);
                return new Head(digest == null ? null : digestOf(digest), mediaType, contentLength(head));
            }).chain(head -> {
                if (head.digest() == null || head.mediaType() == null) {
                    return manifest(HttpMethod.GET, source.tag()).map(body -> fromBody(body, null));
                }
                supported(head.mediaType());
                if (ManifestMediaTypes.isIndex(head.mediaType())) {
                    return manifest(HttpMethod.GET, head.digest().toString()).map(body -> fromBody(body, head.digest()));
                }
                return Uni.createFrom().item(new ResolvedImage(head.digest().toString(), head.mediaType(), head.size(),
                        List.of()));
            });
        }

        /** @param expected the digest the body must have; null to compute it */
        private ResolvedImage fromBody(RegistryAnswer get, Digest expected) {
            String mediaType = ManifestMediaTypes.of(get.header("Content-Type"));
            supported(mediaType);
            Digest digest = expected == null ? ContentDigests.sha256(get.body()) : expected;
            if (expected != null && !ContentDigests.matches(expected, get.body())) {
                throw ImportFailedException.invalid(describe() + ": the manifest does not have the digest " + expected);
            }
            return new ResolvedImage(digest.toString(), mediaType, (long) get.body().length(),
                    ManifestMediaTypes.isIndex(mediaType) ? platforms(get) : List.of());
        }

        private List<Platform> platforms(RegistryAnswer index) {
            try {
                return IndexManifest.platforms(index.body().getBytes());
            } catch (InvalidIndexException e) {
                throw ImportFailedException.invalid(describe() + " is not a readable index: " + e.getMessage());
            }
        }

        /** One manifest request, authenticated as the registry asks; any answer but 200 is a failure. */
        private Uni<RegistryAnswer> manifest(HttpMethod method, String reference) {
            String uri = "/v2/" + source.repository() + "/manifests/" + reference;
            return send(method, uri, auth.known(source.registry(), source.repository()).orElse(null))
                    .chain(answer -> answer.status() == 401
                            ? auth.answer(answer, source.registry(), source.repository(), insecure)
                                    .chain(authorization -> send(method, uri, authorization))
                            : Uni.createFrom().item(answer))
                    .map(answer -> {
                        if (answer.status() != 200) {
                            throw RegistryErrors.failure(answer, method.name() + " " + describe());
                        }
                        return answer;
                    });
        }

        private Uni<RegistryAnswer> send(HttpMethod method, String uri, String authorization) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", ManifestMediaTypes.ACCEPT);
            if (authorization != null) {
                headers.put("Authorization", authorization);
            }
            return http.send(method, endpoint, uri, headers);
        }

        private Digest digestOf(String header) {
            try {
                return Digest.parse(header.trim());
            } catch (InvalidReferenceException e) {
                throw ImportFailedException.invalid(describe() + ": " + DIGEST_HEADER + " is not a digest: " + e.getMessage());
            }
        }

        private void supported(String mediaType) {
            if (!ManifestMediaTypes.isSupported(mediaType)) {
                throw ImportFailedException.invalid(describe() + " is of the unsupported media type " + mediaType);
            }
        }

        private String describe() {
            return source.name() + ":" + source.tag();
        }
    }

    private record Head(Digest digest, String mediaType, Long size) {
    }

    private static Long contentLength(RegistryAnswer answer) {
        try {
            String length = answer.header("Content-Length");
            return length == null ? null : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
