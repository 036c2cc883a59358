package dev.tagline.imports;

import dev.tagline.testkit.DistributionRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Tags a manifest the registry already has under another tag, through the Distribution API (GET the manifest, PUT
 * it under the new tag), as {@code skopeo copy} would but without pushing blobs again.
 */
final class RegistryTags {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RegistryTags() {}

    static void tag(DistributionRegistry registry, String repository, String existingTag, String newTag) {
        String manifests = registry.baseUrl() + "/v2/" + repository + "/manifests/";
        try {
            HttpResponse<byte[]> manifest = HTTP.send(
                    HttpRequest.newBuilder(URI.create(manifests + existingTag))
                            .header("Accept", DistributionRegistry.ALL_MANIFEST_TYPES)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String mediaType = manifest.headers().firstValue("Content-Type").orElseThrow();
            HttpResponse<String> put = HTTP.send(
                    HttpRequest.newBuilder(URI.create(manifests + newTag))
                            .header("Content-Type", mediaType)
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest.body()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (manifest.statusCode() != 200 || put.statusCode() != 201) {
                throw new IllegalStateException("tagging " + repository + ":" + newTag + " failed: "
                        + manifest.statusCode() + ", " + put.statusCode() + " " + put.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
