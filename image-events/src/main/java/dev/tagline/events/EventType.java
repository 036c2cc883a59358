package dev.tagline.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every CloudEvents type Tagline publishes: its {@code ce_type}, the topic it travels on, the record
 * its {@code data} binds to and the JSON Schema that describes that data for other teams.
 */
public enum EventType {
    REGISTRY_TAG_CHANGED("dev.tagline.registry.tag.changed", Topics.REGISTRY_TAG_EVENTS, RegistryTagChanged.class),
    REGISTRY_TAG_DELETED("dev.tagline.registry.tag.deleted", Topics.REGISTRY_TAG_EVENTS, RegistryTagDeleted.class),
    REGISTRY_TAG_IMPORT_FAILED(
            "dev.tagline.registry.tag.import-failed", Topics.REGISTRY_TAG_EVENTS, RegistryTagImportFailed.class),
    IMAGESTREAM_TAG_UPDATED(
            "dev.tagline.imagestream.tag.updated", Topics.IMAGESTREAM_TAG_EVENTS, ImageStreamTagUpdated.class),
    IMAGESTREAM_TAG_DELETED(
            "dev.tagline.imagestream.tag.deleted", Topics.IMAGESTREAM_TAG_EVENTS, ImageStreamTagDeleted.class),
    IMAGESTREAM_TAG_SPEC_CHANGED(
            "dev.tagline.imagestream.tag.spec-changed", Topics.IMAGESTREAM_TAG_EVENTS, ImageStreamTagSpecChanged.class),
    IMAGESTREAM_TAG_IMPORT_FAILED(
            "dev.tagline.imagestream.tag.import-failed",
            Topics.IMAGESTREAM_TAG_EVENTS,
            ImageStreamTagImportFailed.class),
    TRIGGER_BUILD_REQUESTED(
            "dev.tagline.trigger.build.requested", Topics.TRIGGER_ACTIONS, TriggerActionRequested.class),
    TRIGGER_DEPLOY_REQUESTED(
            "dev.tagline.trigger.deploy.requested", Topics.TRIGGER_ACTIONS, TriggerActionRequested.class),
    REGISTRY_SIGNATURE_CHECKED(
            "dev.tagline.registry.signature.checked", Topics.REGISTRY_TAG_EVENTS, RegistrySignatureChecked.class),
    IMPORT_REQUESTED("dev.tagline.import.requested", Topics.IMPORT_REQUESTS, ImportRequested.class),
    SIGNATURE_CHECK_REQUESTED(
            "dev.tagline.signature.check-requested", Topics.IMPORT_REQUESTS, SignatureCheckRequested.class);

    private final String type;
    private final String topic;
    private final Class<?> dataClass;

    EventType(String type, String topic, Class<?> dataClass) {
        this.type = type;
        this.topic = topic;
        this.dataClass = dataClass;
    }

    /** The {@code ce_type} attribute. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<?> dataClass() {
        return dataClass;
    }

    /** Classpath location of the JSON Schema (draft 2020-12) of this type's {@code data}. */
    public String schemaResource() {
        return "/schemas/" + type + ".json";
    }

    public static Optional<EventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
