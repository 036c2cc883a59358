package dev.tagline.imports.registry;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The four manifest media types a registry may answer with. HEAD must accept all of them, or a registry
 * converts a Docker v2 manifest to schema 1 (another digest) and answers OCI content with 404.
 */
public final class ManifestMediaTypes {

    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

    /** The {@code Accept} header of every manifest request. */
    public static final String ACCEPT =
            String.join(", ", List.of(OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST));

    private static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_MANIFEST_LIST);
    private static final Set<String> MANIFESTS = Set.of(OCI_MANIFEST, DOCKER_MANIFEST);

    private ManifestMediaTypes() {}

    /** The media type of a {@code Content-Type} header, without parameters; null when absent. */
    public static String of(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    public static boolean isIndex(String mediaType) {
        return INDEXES.contains(mediaType);
    }

    public static boolean isSupported(String mediaType) {
        return INDEXES.contains(mediaType) || MANIFESTS.contains(mediaType);
    }
}
