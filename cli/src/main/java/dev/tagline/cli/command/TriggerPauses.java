package dev.tagline.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.cli.api.Api;
import dev.tagline.cli.api.ApiClient;
import dev.tagline.cli.api.Json;
import dev.tagline.cli.api.PathSegment;

/**
 * Pausing and resuming: the API has no call of its own for them, so the trigger is read and written back whole with
 * {@code paused} changed. The webhook secret, which a read never returns, is left out, which keeps it.
 */
final class TriggerPauses {

    private TriggerPauses() {}

    static void setPaused(ApiClient api, String name, boolean paused) {
        String path = "/triggers/" + PathSegment.of(name);
        JsonNode trigger = api.get(Api.TRIGGERS, path).json();
        ObjectNode request = Json.object()
                .put("name", trigger.path("name").asText())
                .put("kind", trigger.path("kind").asText());
        request.set("from", trigger.path("from"));
        request.set("params", trigger.path("params"));
        if (trigger.path("webhook").isObject()) {
            request.putObject("webhook").put("url", trigger.at("/webhook/url").asText());
        }
        request.put("paused", paused);
        api.put(Api.TRIGGERS, api.namespace(), path, request);
    }
}
