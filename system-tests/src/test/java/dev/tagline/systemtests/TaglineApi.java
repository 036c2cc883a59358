package dev.tagline.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.events.EventJson;
import dev.tagline.testkit.BearerJsonClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON calls to a service's REST API with a bearer token, as a user's script would make them with curl. */
final class TaglineApi {

    private final BearerJsonClient client;

    TaglineApi(String token) {
        this.client = new BearerJsonClient(token, Duration.ofSeconds(10));
    }

    /** POSTs {@code json} and returns the answer's body, which must come with {@code expectedStatus}. */
    JsonNode post(String url, String json, int expectedStatus) {
        return body(client.post(url, json), expectedStatus);
    }

    JsonNode get(String url) {
        return body(client.get(url), 200);
    }

    private static JsonNode body(HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode())
                .as(
                        "%s %s answered %s",
                        response.request().method(), response.request().uri(), response.body())
                .isEqualTo(expectedStatus);
        try {
            return response.body().isEmpty()
                    ? EventJson.mapper().nullNode()
                    : EventJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    response.request().method() + " " + response.request().uri() + " failed", e);
        }
    }
}
