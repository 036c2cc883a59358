package dev.tagline.imports.registry;

import dev.tagline.events.Platform;
import dev.tagline.events.oci.IndexManifest;
import dev.tagline.events.oci.InvalidIndexException;
import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.events.reference.InvalidReferenceException;
import dev.tagline.imports.config.ImportsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

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

    private final RegistryRequests requests;
    private final int maxManifestBytes;

    public RegistryClient(RegistryRequests requests, ImportsConfig config) {
        this.requests = requests;
        this.maxManifestBytes = config.http().maxManifestBytes();
    }

    /**
     * @param source names a tag
     * @throws ImportFailedException (as the failure) with the reason the contract names
     */
    public Uni<ResolvedImage> resolve(ImageReference source, boolean insecure) {
        return requests.repository(source.registry(), source.repository(), insecure)
                .chain(repository -> new Exchange(repository, source).resolve());
    }

    /** The calls that resolve one tag. */
    private final class Exchange {

        private final RegistryRequests.Repository repository;
        private final ImageReference source;

        Exchange(RegistryRequests.Repository repository, ImageReference source) {
            this.repository = repository;
            this.source = source;
        }

        Uni<ResolvedImage> resolve() {
            return manifest(HttpMethod.HEAD, source.tag())
                    .map(head -> {
                        String mediaType = ManifestMediaTypes.of(head.header("Content-Type"));
                        String digest = head.header(DIGEST_HEADER);
                        return new Head(digest == null ? null : digestOf(digest), mediaType, contentLength(head));
                    })
                    .chain(head -> {
                        if (head.digest() == null || head.mediaType() == null) {
                            return manifest(HttpMethod.GET, source.tag()).map(body -> fromBody(body, null));
                        }
                        supported(head.mediaType());
                        if (ManifestMediaTypes.isIndex(head.mediaType())) {
                            return manifest(HttpMethod.GET, head.digest().toString())
                                    .map(body -> fromBody(body, head.digest()));
                        }
                        return Uni.createFrom()
                                .item(new ResolvedImage(
                                        head.digest().toString(), head.mediaType(), head.size(), List.of()));
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
            return new ResolvedImage(
                    digest.toString(),
                    mediaType,
                    (long) get.body().length(),
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
            return repository
                    .send(method, "manifests/" + reference, ManifestMediaTypes.ACCEPT, maxManifestBytes)
                    .map(answer -> {
                        if (answer.status() != 200) {
                            throw RegistryErrors.failure(answer, method.name() + " " + describe());
                        }
                        return answer;
                    });
        }

        private Digest digestOf(String header) {
            try {
                return Digest.parse(header.trim());
            } catch (InvalidReferenceException e) {
                throw ImportFailedException.invalid(
                        describe() + ": " + DIGEST_HEADER + " is not a digest: " + e.getMessage());
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

    private record Head(Digest digest, String mediaType, Long size) {}

    private static Long contentLength(RegistryAnswer answer) {
        try {
            String length = answer.header("Content-Length");
            return length == null ? null : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
