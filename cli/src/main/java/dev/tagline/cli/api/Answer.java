package dev.tagline.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A successful answer: its body exactly as the API sent it, and the same read as JSON. */
public record Answer(int status, String body) {

    public JsonNode json() {
        return body == null || body.isBlank() ? MissingNode.getInstance() : Json.read(body);
    }
}
