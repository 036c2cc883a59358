package dev.tagline.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.Origin;
import dev.tagline.events.RegistrySignatureChecked;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.events.RegistryTagImportFailed;
import dev.tagline.events.Topics;
import dev.tagline.testkit.EventSchemas;
import dev.tagline.testkit.KafkaTestClients;
import java.time.Duration;
import java.util.List;

/** Reads what the import-service published on {@code registry-tag-events}, as the tag-service would. */
final class RegistryEvents {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(1);

    private RegistryEvents() {}

    /**
     * The {@code registry.tag.changed} events about {@code key} of an origin kind: waits for {@code atLeast}, then a
     * further second, so that a duplicate would be seen too. Each is checked against the published schema.
     */
    static List<RegistryTagChanged> changed(String key, Origin.Kind kind, int atLeast) {
        return read(EventType.REGISTRY_TAG_CHANGED, key, atLeast, QUIET).stream()
                .map(value -> EventJson.read(value, RegistryTagChanged.class))
                .filter(event -> event.origin().kind() == kind)
                .toList();
    }

    static List<RegistryTagImportFailed> failed(String key, int atLeast) {
        return read(EventType.REGISTRY_TAG_IMPORT_FAILED, key, atLeast, QUIET).stream()
                .map(value -> EventJson.read(value, RegistryTagImportFailed.class))
                .toList();
    }

    /** The {@code registry.signature.checked} verdicts about an image, {@code registry/repository@digest}. */
    static List<RegistrySignatureChecked> signatureChecked(String key, int atLeast) {
        return read(EventType.REGISTRY_SIGNATURE_CHECKED, key, atLeast, QUIET).stream()
                .map(value -> EventJson.read(value, RegistrySignatureChecked.class))
                .toList();
    }

    /** Every event of the type about {@code key} seen while reading for {@code readFor}. */
    static List<String> all(EventType type, String key, Duration readFor) {
        return read(type, key, 0, readFor);
    }

    private static List<String> read(EventType type, String key, int atLeast, Duration quiet) {
        List<String> values = KafkaTestClients.read(
                        Topics.REGISTRY_TAG_EVENTS,
                        record -> key.equals(record.key())
                                && type.type().equals(record.headers().get(CloudEventHeaders.TYPE)),
                        atLeast,
                        quiet,
                        WITHIN.plus(quiet))
                .stream()
                .map(KafkaTestClients.Consumed::value)
                .toList();
        values.forEach(value ->
                assertThat(EventSchemas.violations(type, value)).as(value).isEmpty());
        return values;
    }
}
