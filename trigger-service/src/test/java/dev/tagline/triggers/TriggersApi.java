package dev.tagline.triggers;

import static dev.tagline.triggers.AsClusterAdmin.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Triggers over the service's REST API, as a user would create and change them. */
final class TriggersApi {

    private TriggersApi() {}

    /** A deploy trigger on the tag with params, and a webhook when {@code url} is given. */
    static Map<String, Object> deployTrigger(String name, FollowedImageStreamTag tag, String url, String secret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", "deploy");
        body.put("from", Map.of("kind", "ImageStreamTag", "namespace", tag.namespace(), "name", tag.name()));
        body.put("params", Map.of("deployment", "web", "containers", List.of("app")));
        if (url != null) {
            body.put("webhook", Map.of("url", url, "secret", secret));
        }
        return body;
    }

    static ValidatableResponse create(String namespace, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/namespaces/{ns}/triggers", namespace)
                .then();
    }

    static void created(String namespace, Map<String, Object> body) {
        create(namespace, body).statusCode(201);
    }

    static ValidatableResponse replace(String namespace, String name, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/namespaces/{ns}/triggers/{name}", namespace, name)
                .then();
    }

    static ValidatableResponse get(String namespace, String name) {
        return given().get("/api/v1/namespaces/{ns}/triggers/{name}", namespace, name)
                .then();
    }

    static ValidatableResponse deliveries(String namespace, String name) {
        return given().get("/api/v1/namespaces/{ns}/triggers/{name}/deliveries", namespace, name)
                .then();
    }

    static ValidatableResponse redeliver(String namespace, String name, long id) {
        return given().post("/api/v1/namespaces/{ns}/triggers/{name}/deliveries/{id}/redeliver", namespace, name, id)
                .then();
    }

    /** The body with {@code paused} set, and without the secret, which a client that read the trigger cannot know. */
    static Map<String, Object> paused(Map<String, Object> body, boolean paused) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put("paused", paused);
        if (body.get("webhook") instanceof Map<?, ?> webhook) {
            changed.put("webhook", Map.of("url", webhook.get("url")));
        }
        return changed;
    }
}
