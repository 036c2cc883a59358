package dev.tagline.benchmarks;

import dev.tagline.testkit.BearerJsonClient;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The services' REST APIs, as the benchmarks' setup calls them: JSON with a bearer token, 2xx expected. */
final class TaglineRest {

    private final BearerJsonClient client;

    TaglineRest(String token) {
        this.client = new BearerJsonClient(token, Duration.ofSeconds(30));
    }

    void post(String url, String json) {
        HttpResponse<String> response = client.post(url, json);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
