package dev.tagline.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.cli.CliException;

/**
 * An API said no: its {@code {"error","field"}} as one plain line, with 401, 403 and 404 on a namespace explained in
 * the user's terms.
 */
public final class Refusal extends CliException {

    private final int status;

    private Refusal(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static Refusal of(int status, String body, String namespace) {
        JsonNode json = parseQuietly(body);
        String error = json.path("error").asText(null);
        String field = json.path("field").asText(null);
        if (status == 401) {
            return new Refusal(status, "not logged in: the server does not accept this token (tagline login "
                    + "--server URL --token TOKEN, or TAGLINE_TOKEN)");
        }
        if (status == 403 && "namespace".equals(field)) {
            return new Refusal(status, "you may view but not change " + namespace);
        }
        if (status == 404 && "namespace".equals(field)) {
            return new Refusal(status, "namespace " + namespace + " does not exist, or you have no role in it");
        }
        if (error == null) {
            return new Refusal(status, "the server answered HTTP " + status);
        }
        return new Refusal(status, field == null ? error : error + " (" + field + ")");
    }

    private static JsonNode parseQuietly(String body) {
        try {
            return Json.read(body);
        } catch (CliException notJson) {
            return Json.object();
        }
    }
}
