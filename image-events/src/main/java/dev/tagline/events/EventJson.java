package dev.tagline.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of event {@code data}: ISO-8601 instants, unknown fields tolerated (producers may
 * add fields), absent optional fields written as null so the shape is always the schema's.
 */
public final class EventJson {

    private static final String WHOLE_DATA = "data";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private EventJson() {}

    public static String write(Object data) {
        try {
            return MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialise " + data.getClass().getSimpleName(), e);
        }
    }

    /**
     * @throws MalformedEventException when the JSON is absent, null or not a valid {@code type}; its field is
     *     the JSON path of the offending value, e.g. {@code origin.kind}, or {@code data} for the whole
     */
    public static <T> T read(String json, Class<T> type) {
        if (json == null) {
            throw new MalformedEventException(WHOLE_DATA, "no data; expected a " + type.getSimpleName());
        }
        T data;
        try {
            data = MAPPER.readValue(json, type);
        } catch (JsonMappingException e) {
            throw new MalformedEventException(path(e), invalid(type, e));
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(WHOLE_DATA, invalid(type, e));
        }
        if (data == null) {
            throw new MalformedEventException(WHOLE_DATA, "data is JSON null; expected a " + type.getSimpleName());
        }
        return data;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String invalid(Class<?> type, JsonProcessingException e) {
        return "invalid " + type.getSimpleName() + ": " + e.getOriginalMessage();
    }

    /** The offending value as a JSON path, e.g. {@code platforms[0].digest}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() == null) {
                path.append('[').append(reference.getIndex()).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.length() == 0 ? WHOLE_DATA : path.toString();
    }
}
