package dev.tagline.gateway.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.events.CloudEventHeaders;
import dev.tagline.gateway.domain.InvalidPayloadException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A value in a webhook payload together with its JSON path, e.g. {@code events[0].target.digest}, so that every
 * refusal names the field. A field may be absent; reading a required value of an absent field is an error.
 */
public final class PayloadField {

    private static final int MAX_EVENT_ID_LENGTH = CloudEventHeaders.MAX_IDENTIFIER_LENGTH;

    private final JsonNode node;
    private final String path;

    private PayloadField(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static PayloadField root(JsonNode node, String path) {
        return new PayloadField(node, path);
    }

    /** The JSON path of this field; {@code body} for the whole body. */
    public String path() {
        return path.isEmpty() ? "body" : path;
    }

    /** Absent, or JSON null. */
    public boolean isAbsent() {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** A member of this object; absent when this field is absent or has no such member. */
    public PayloadField get(String name) {
        if (!isAbsent() && !node.isObject()) {
            throw invalid("must be a JSON object");
        }
        JsonNode child = isAbsent() ? null : node.get(name);
        return new PayloadField(child, path.isEmpty() ? name : path + "." + name);
    }

    /** The elements of this required array. */
    public List<PayloadField> elements() {
        if (isAbsent()) {
            throw invalid("is missing; expected an array");
        }
        return optionalElements();
    }

    /** The elements of this array; none when the field is absent. */
    public List<PayloadField> optionalElements() {
        if (isAbsent()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid("must be an array");
        }
        List<PayloadField> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(new PayloadField(node.get(i), path() + "[" + i + "]"));
        }
        return elements;
    }

    /** A required, non-empty string. */
    public String text() {
        return optionalText().orElseThrow(() -> invalid("is missing; expected a non-empty string"));
    }

    /** A string, empty when absent or "". */
    public Optional<String> optionalText() {
        if (isAbsent()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw invalid("must be a string");
        }
        String text = node.textValue();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A string or number as text, null when absent: for values that only feed a derived id. */
    public String scalarText() {
        if (isAbsent()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw invalid("must be a string or a number");
        }
        return node.asText();
    }

    /** A byte count: a non-negative integer, empty when absent. */
    public Optional<Long> optionalSize() {
        if (isAbsent()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw invalid("must be a non-negative integer");
        }
        return Optional.of(node.longValue());
    }

    /** An RFC 3339 timestamp string, empty when absent. */
    public Optional<Instant> optionalTimestamp() {
        return optionalText().map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw invalid("must be an RFC 3339 timestamp; found '" + Shown.of(text) + "'");
            }
        });
    }

    /** Seconds since the epoch, as a JSON number; empty when absent. */
    public Optional<Instant> optionalEpochSeconds() {
        if (isAbsent()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw invalid("must be seconds since the epoch");
        }
        try {
            return Optional.of(Instant.ofEpochSecond(node.longValue()));
        } catch (RuntimeException e) {
            throw invalid("is out of range for a time");
        }
    }

    /** The sender's own event id, used as {@code ce_id}: printable and short enough for any index. */
    public String eventId() {
        return EventIdentifiers.check(text(), path(), MAX_EVENT_ID_LENGTH);
    }

    public InvalidPayloadException invalid(String problem) {
        return new InvalidPayloadException(path(), path() + " " + problem);
    }
}
