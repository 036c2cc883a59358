package dev.tagline.gateway.registry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tagline.gateway.domain.InvalidPayloadException;
import java.io.IOException;

/** Parses webhook bodies with one shared, thread-safe mapper: strict JSON, one document, no duplicate keys. */
public final class PayloadJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Two values for one key could be read differently by the signer and by us.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private PayloadJson() {}

    /** The body as the root field; {@code body} names it in errors. */
    public static PayloadField parse(byte[] body) {
        return parse(body, "");
    }

    /** A JSON document nested in a payload (e.g. base64 {@code message.data}), named {@code path} in errors. */
    public static PayloadField parse(byte[] json, String path) {
        String field = path.isEmpty() ? "body" : path;
        if (json == null || json.length == 0) {
            throw new InvalidPayloadException(field, "the body is empty; expected a JSON document");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException(field, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidPayloadException(field, "cannot be read: " + e.getMessage());
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new InvalidPayloadException(field, "expected a JSON document");
        }
        return PayloadField.root(node, path);
    }
}
