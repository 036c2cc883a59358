package dev.tagline.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.cli.CliException;

/**
 * An API said no: its {@code {"error","field"}} as one plain line, with 401, 403 and 404 on a namespace explained in
 * the user's terms.
 */
public final class Refusal extends CliException {

    private final int status;
    private final String field;

    private Refusal(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    /** The field the API named, or null. */
    public String field() {
        return field;
    }

    static Refusal of(int status, String body, String namespace) {
        JsonNode json = parseQuietly(body);
        String error = json.path("error").asText(null);
        String field = json.path("field").asText(null);
        if (status == 401) {
            return new Refusal(
                    status,
                    field,
                    "not logged in: the server does not accept this token (tagline login "
                            + "--server URL --token TOKEN, or TAGLINE_TOKEN)");
        }
        if (status == 403 && "namespace".equals(field)) {
            return new Refusal(status, field, "you may view but not change " + namespace);
        }
        if (status == 404 && "namespace".equals(field)) {
            return new Refusal(status, field, "namespace " + namespace + " does not exist, or you have no role in it");
        }
        if (error == null) {
            return new Refusal(status, field, "the server answered HTTP " + status);
        }
        return new Refusal(status, field, field == null ? error : error + " (" + field + ")");
    }

    private static JsonNode parseQuietly(String body) {
        try {
            return Json.read(body);
        } catch (CliException notJson) {
            return Json.object();
        }
    }
}
