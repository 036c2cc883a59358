package dev.tagline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls a service's REST API as a user's script would with curl: JSON with a bearer token over plain HTTP. Answers
 * the raw response, whatever its status, so each caller checks it in its own way (an assertion in a test, an
 * exception in a benchmark's setup).
 */
public final class BearerJsonClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String token;
    private final Duration timeout;

    /** @param timeout how long one request may take before it fails */
    public BearerJsonClient(String token, Duration timeout) {
        this.token = token;
        this.timeout = timeout;
    }

    public HttpResponse<String> post(String url, String json) {
        return send(request(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public HttpResponse<String> get(String url) {
        return send(request(url).GET().build());
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
