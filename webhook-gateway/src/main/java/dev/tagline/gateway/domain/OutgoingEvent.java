package dev.tagline.gateway.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;

/** A CloudEvent ready for Kafka binary mode: topic from its type, per-tag key, {@code ce_*} headers, JSON data. */
public record OutgoingEvent(EventType type, String key, CloudEventHeaders headers, byte[] data) {

    /** The {@code ce_source} of every event a gateway source produces. */
    private static String eventSource(String source) {
        return "/webhooks/" + source;
    }

    static OutgoingEvent of(EventType type, String key, String source, Provenance provenance, Object data) {
        CloudEventHeaders headers =
                new CloudEventHeaders(provenance.eventId(), eventSource(source), type, key, provenance.observedAt());
        try {
            return new OutgoingEvent(type, key, headers, EventJson.mapper().writeValueAsBytes(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + type.type(), e);
        }
    }

    public String topic() {
        return type.topic();
    }
}
