package dev.tagline.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Puts many tags into a Distribution registry through its HTTP API, as a pusher would but without layers to
 * move: one small image, its blobs mounted into every repository, tagged many times in each.
 */
final class RegistryFiller {

    private static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
    private static final int PARALLEL = 4;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final byte[] config = """
            {"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"config":{}}""".getBytes(StandardCharsets.UTF_8);
    private final byte[] layer = "tagline benchmark layer".getBytes(StandardCharsets.UTF_8);

    RegistryFiller(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Tags {@code tags} tags ({@code t0…}) in each of {@code repositories}, all the same image. */
    void fill(List<String> repositories, int tags) {
        String first = repositories.get(0);
        upload(first, config);
        upload(first, layer);
        byte[] manifest = """
                {"schemaVersion":2,"mediaType":"%s",\
                "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%d},\
                "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"%s","size":%d}]}""".formatted(MANIFEST_TYPE, digest(config), config.length, digest(layer), layer.length)
                .getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String repository : repositories) {
                done.add(pool.submit(() -> {
                    if (!repository.equals(first)) {
                        mount(repository, first, config);
                        mount(repository, first, layer);
                    }
                    for (int t = 0; t < tags; t++) {
                        send(
                                HttpRequest.newBuilder(uri("/v2/" + repository + "/manifests/t" + t))
                                        .header("Content-Type", MANIFEST_TYPE)
                                        .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)),
                                201);
                    }
                }));
            }
            for (Future<?> repository : done) {
                repository.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not fill the registry", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void upload(String repository, byte[] blob) {
        HttpResponse<String> started = send(
                HttpRequest.newBuilder(uri("/v2/" + repository + "/blobs/uploads/"))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                202);
        String location = started.headers().firstValue("Location").orElseThrow();
        URI target = URI.create(baseUrl).resolve(location);
        send(
                HttpRequest.newBuilder(URI.create(
                                target + (target.getRawQuery() == null ? "?" : "&") + "digest=" + digest(blob)))
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)),
                201);
    }

    private void mount(String repository, String from, byte[] blob) {
        send(
                HttpRequest.newBuilder(
                                uri("/v2/" + repository + "/blobs/uploads/?mount=" + digest(blob) + "&from=" + from))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                201);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String digest(byte[] content) {
        return "sha256:" + Sha256.hex(content);
    }
}
