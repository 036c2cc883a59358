package dev.tagline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Event data in and out of JSON with the one mapper: same records back, lenient on new fields, strict on garbage. */
class EventJsonTest {

    @Test
    void an_image_stream_tag_update_round_trips_with_its_enums_and_instants() {
        ImageStreamTagUpdated updated = EventSamples.imageStreamTagUpdated();

        String json = EventJson.write(updated);

        assertThat(json)
                .contains(
                        "\"cause\":\"scheduled-import\"",
                        "\"changedAt\":\"2026-11-03T09:15:30.123Z\"",
                        "\"generation\":7");
        assertThat(EventJson.read(json, ImageStreamTagUpdated.class)).isEqualTo(updated);
    }

    @Test
    void an_origin_kind_is_written_by_its_json_name() {
        assertThat(EventJson.write(Origin.Kind.SCHEDULED_IMPORT)).isEqualTo("\"scheduled-import\"");
        assertThat(EventJson.write(new Origin(Origin.Kind.SCHEDULED_IMPORT, "import-service-0", null, null)))
                .isEqualTo("{\"kind\":\"scheduled-import\",\"source\":\"import-service-0\",\"sourceEventId\":null,"
                        + "\"actor\":null}");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_sample_round_trips(EventType type) {
        Object full = EventSamples.full(type);
        Object minimal = EventSamples.minimal(type);

        assertThat(EventJson.read(EventJson.write(full), type.dataClass())).isEqualTo(full);
        assertThat(EventJson.read(EventJson.write(minimal), type.dataClass())).isEqualTo(minimal);
    }

    @Test
    void a_null_field_is_written_rather_than_left_out() {
        String json = EventJson.write(EventSamples.minimal(EventType.REGISTRY_TAG_CHANGED));

        assertThat(json).contains("\"size\":null", "\"target\":null", "\"platforms\":[]");
    }

    @Test
    void fields_a_newer_producer_adds_are_ignored() {
        String json = """
                {"namespace":"team-a","imageStream":"app","tag":"v1","generation":7,"annotations":{"team":"a"},
                 "image":{"digest":"%s","dockerImageReference":"127.0.0.1:5000/team-a/app@%s",
                          "mediaType":"application/vnd.oci.image.index.v1+json","size":1609},
                 "previous":{"digest":"%s","dockerImageReference":"127.0.0.1:5000/team-a/app@%s","os":"linux"},
                 "cause":"scheduled-import","changedAt":"2026-11-03T09:15:30.123Z","priority":[1,2]}
                """.formatted(
                EventSamples.DIGEST, EventSamples.DIGEST, EventSamples.PREVIOUS_DIGEST, EventSamples.PREVIOUS_DIGEST);

        assertThat(EventJson.read(json, ImageStreamTagUpdated.class)).isEqualTo(EventSamples.imageStreamTagUpdated());
    }

    @Test
    void an_absent_optional_field_reads_as_null() {
        String json = """
                {"registry":"quay.io","repository":"org/app","observedAt":"2026-11-03T09:15:30.123Z",
                 "origin":{"kind":"webhook","source":"quay"}}
                """;

        RegistryTagDeleted deleted = EventJson.read(json, RegistryTagDeleted.class);

        assertThat(deleted.tag()).isNull();
        assertThat(deleted.digest()).isNull();
        assertThat(deleted.origin().sourceEventId()).isNull();
    }

    @Test
    void an_import_target_without_policies_reads_as_one_that_keeps_the_tags_own() {
        String json = """
                {"registry":"quay.io","repository":"org/app","tag":"v1","digest":"%s","platforms":[],
                 "observedAt":"2026-11-03T09:15:30.123Z","origin":{"kind":"import","source":"import-service"},
                 "target":{"namespace":"team-a","imageStream":"app","tag":"v1"}}
                """.formatted(EventSamples.DIGEST);

        RegistryTagChanged.Target target =
                EventJson.read(json, RegistryTagChanged.class).target();

        assertThat(target).isEqualTo(RegistryTagChanged.Target.of(new StreamTagRef("team-a", "app", "v1")));
        assertThat(target.importPolicy()).isNull();
        assertThat(target.referencePolicy()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void malformed_data_is_rejected_naming_the_offending_field(String json, String field, String message) {
        assertThatThrownBy(() -> EventJson.read(json, RegistryTagChanged.class))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e).hasMessageContaining(message);
                });
    }

    static Stream<Arguments> malformed_data_is_rejected_naming_the_offending_field() {
        return Stream.of(
                Arguments.of(null, "data", "no data; expected a RegistryTagChanged"),
                Arguments.of("", "data", "invalid RegistryTagChanged"),
                Arguments.of("null", "data", "data is JSON null; expected a RegistryTagChanged"),
                Arguments.of("{\"registry\":", "data", "invalid RegistryTagChanged"),
                Arguments.of("not json", "data", "invalid RegistryTagChanged"),
                Arguments.of("{\"registry\":\"quay.io\"} trailing", "data", "invalid RegistryTagChanged"),
                Arguments.of("[]", "data", "invalid RegistryTagChanged"),
                Arguments.of("{\"origin\":{\"kind\":\"push\"}}", "origin.kind", "invalid RegistryTagChanged"),
                Arguments.of("{\"observedAt\":\"yesterday\"}", "observedAt", "invalid RegistryTagChanged"),
                Arguments.of("{\"platforms\":[{\"digest\":{}}]}", "platforms[0].digest", "invalid RegistryTagChanged"),
                Arguments.of("{\"size\":\"big\"}", "size", "invalid RegistryTagChanged"),
                Arguments.of(
                        "{\"target\":{\"referencePolicy\":\"local\"}}",
                        "target.referencePolicy",
                        "invalid RegistryTagChanged"),
                Arguments.of(
                        "{\"target\":{\"importPolicy\":{\"importMode\":\"legacy\"}}}",
                        "target.importPolicy.importMode",
                        "invalid RegistryTagChanged"));
    }
}
