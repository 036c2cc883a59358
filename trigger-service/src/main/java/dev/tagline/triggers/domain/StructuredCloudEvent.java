package dev.tagline.triggers.domain;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import java.time.Instant;

/**
 * A CloudEvent in structured mode, the JSON event format, as webhooks carry it with content type
 * {@code application/cloudevents+json}: the same attributes and data as the Kafka record.
 */
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"})
public record StructuredCloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        Object data) {

    public static final String MEDIA_TYPE = "application/cloudevents+json";

    public static String json(CloudEventHeaders attributes, Object data) {
        return EventJson.write(new StructuredCloudEvent(
                CloudEventHeaders.SPEC_VERSION_1_0,
                attributes.id(),
                attributes.source(),
                attributes.type().type(),
                attributes.subject(),
                attributes.time(),
                CloudEventHeaders.JSON,
                data));
    }
}
