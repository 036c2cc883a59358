package dev.tagline.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.cli.CliException;
import dev.tagline.cli.config.Connection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls the Tagline APIs of one connection with its bearer token, under {@code /api/v1/namespaces/{namespace}}, and
 * turns every 4xx and 5xx into a {@link Refusal}.
 */
public final class ApiClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final Connection connection;
    private final HttpClient http;

    public ApiClient(Connection connection) {
        this.connection = connection;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    public String namespace() {
        return connection.requireNamespace();
    }

    /** {@code GET} a path under the connection's namespace. */
    public Answer get(Api api, String path) {
        return send(api, namespace(), path, HttpRequest.newBuilder().GET());
    }

    /** {@code GET} a path under another namespace. */
    public Answer get(Api api, String namespace, String path) {
        return send(api, namespace, path, HttpRequest.newBuilder().GET());
    }

    public Answer post(Api api, String namespace, String path, JsonNode body) {
        return send(api, namespace, path, withBody("POST", body));
    }

    public Answer put(Api api, String namespace, String path, JsonNode body) {
        return send(api, namespace, path, withBody("PUT", body));
    }

    public Answer delete(Api api, String namespace, String path) {
        return send(api, namespace, path, HttpRequest.newBuilder().DELETE());
    }

    private static HttpRequest.Builder withBody(String method, JsonNode body) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8);
        return HttpRequest.newBuilder().method(method, publisher).header("Content-Type", "application/json");
    }

    private Answer send(Api api, String namespace, String path, HttpRequest.Builder request) {
        String server = api.server(connection);
        if (server == null) {
            throw new CliException("not logged in: no server (tagline login --server URL --token TOKEN, or "
                    + Connection.SERVER + ")");
        }
        if (connection.token() == null) {
            throw new CliException(
                    "not logged in: no token (tagline login --server URL --token TOKEN, or " + Connection.TOKEN + ")");
        }
        URI uri = URI.create(server + "/api/v1/namespaces/" + PathSegment.of(namespace) + path);
        HttpRequest built = request.uri(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + connection.token())
                .build();
        HttpResponse<String> response = exchange(built);
        if (response.statusCode() >= 400) {
            throw Refusal.of(response.statusCode(), response.body(), namespace);
        }
        return new Answer(response.statusCode(), response.body());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }
}
