package dev.tagline.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The CloudEvents 1.0 attributes of one event in Kafka binary mode: {@code ce_*} headers beside a JSON
 * record value.
 *
 * @param id stable for one observation, so that a replay dedupes downstream
 * @param source URI-reference of the producer, e.g. {@code /tagline/tag-service}
 * @param subject what the event is about, e.g. {@code team-a/app:v1}
 * @param time when it happened; optional in CloudEvents, so null when a producer left it out
 */
public record CloudEventHeaders(String id, String source, EventType type, String subject, Instant time) {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** Binary mode carries {@code datacontenttype} as the plain {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final int MAX_IDENTIFIER_LENGTH = 256;
    public static final String JSON = "application/json";

    public CloudEventHeaders {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }

    /** Header name to UTF-8 bytes, in a stable order. */
    public Map<String, byte[]> toHeaders() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, utf8(SPEC_VERSION_1_0));
        headers.put(ID, utf8(id));
        headers.put(SOURCE, utf8(source));
        headers.put(TYPE, utf8(type.type()));
        if (subject != null) {
            headers.put(SUBJECT, utf8(subject));
        }
        if (time != null) {
            headers.put(TIME, utf8(time.toString()));
        }
        headers.put(CONTENT_TYPE, utf8(JSON));
        return headers;
    }

    /**
     * Reads the attributes back from headers ({@code lastHeader} looks a header up by name, null when absent).
     *
     * @throws MalformedEventException when a required attribute is missing, the spec version is not 1.0
     *     or the type is not one of ours
     */
    public static CloudEventHeaders fromHeaders(Function<String, byte[]> lastHeader) {
        String specVersion = required(lastHeader, SPEC_VERSION);
        if (!SPEC_VERSION_1_0.equals(specVersion)) {
            throw new MalformedEventException(SPEC_VERSION, "unsupported CloudEvents spec version " + specVersion);
        }
        String typeName = required(lastHeader, TYPE);
        EventType type = EventType.ofType(typeName)
                .orElseThrow(() -> new MalformedEventException(TYPE, "unknown event type " + typeName));
        String timeText = optional(lastHeader, TIME);
        Instant time = null;
        if (timeText != null) {
            try {
                time = Instant.parse(timeText);
            } catch (RuntimeException e) {
                throw new MalformedEventException(TIME, "not an RFC 3339 timestamp: " + timeText);
            }
        }
        return new CloudEventHeaders(
                identifier(lastHeader, ID), identifier(lastHeader, SOURCE), type, optional(lastHeader, SUBJECT), time);
    }

    /**
     * {@code ce_id} and {@code ce_source} identify an event wherever it is recorded, so they are kept to a
     * length any store can index and to printable characters.
     */
    private static String identifier(Function<String, byte[]> lastHeader, String name) {
        String value = required(lastHeader, name);
        if (value.length() > MAX_IDENTIFIER_LENGTH) {
            throw new MalformedEventException(
                    name, name + " is " + value.length() + " characters; at most " + MAX_IDENTIFIER_LENGTH);
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new MalformedEventException(name, name + " contains a control character");
        }
        return value;
    }

    private static String required(Function<String, byte[]> lastHeader, String name) {
        String value = optional(lastHeader, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException(name, "missing CloudEvents header " + name);
        }
        return value;
    }

    private static String optional(Function<String, byte[]> lastHeader, String name) {
        byte[] value = lastHeader.apply(name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
