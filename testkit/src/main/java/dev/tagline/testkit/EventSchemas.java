package dev.tagline.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import java.io.InputStream;
import java.util.Set;

/** Validates event data against the JSON Schema the contract module publishes for other teams. */
public final class EventSchemas {

    private EventSchemas() {}

    public static Set<ValidationMessage> violations(EventType type, String data) {
        try (InputStream schemaText = EventType.class.getResourceAsStream(type.schemaResource())) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schemaText);
            JsonNode json = EventJson.mapper().readTree(data);
            return schema.validate(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the schema of " + type.type(), e);
        }
    }
}
