package dev.tagline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CloudEvents attributes through Kafka headers and back; a header that cannot be right names itself. */
class CloudEventHeadersTest {

    private static final CloudEventHeaders HEADERS = new CloudEventHeaders(
            "7f4c1a8e-2b9d-4e55-9c61-0d2f3a4b5c6d",
            "/tagline/tag-service",
            EventType.IMAGESTREAM_TAG_UPDATED,
            "team-a/app:v1",
            EventSamples.AT);

    @Test
    void headers_round_trip() {
        Map<String, byte[]> headers = HEADERS.toHeaders();

        assertThat(CloudEventHeaders.fromHeaders(headers::get)).isEqualTo(HEADERS);
    }

    @Test
    void headers_without_a_subject_round_trip() {
        CloudEventHeaders withoutSubject = new CloudEventHeaders(
                "id-1", "/tagline/import-service", EventType.REGISTRY_TAG_CHANGED, null, EventSamples.AT);

        Map<String, byte[]> headers = withoutSubject.toHeaders();

        assertThat(headers).doesNotContainKey(CloudEventHeaders.SUBJECT);
        assertThat(CloudEventHeaders.fromHeaders(headers::get)).isEqualTo(withoutSubject);
    }

    @Test
    void binary_mode_headers_carry_the_spec_version_and_json_content_type() {
        Map<String, byte[]> headers = HEADERS.toHeaders();

        assertThat(text(headers, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(text(headers, CloudEventHeaders.TYPE)).isEqualTo("dev.tagline.imagestream.tag.updated");
        assertThat(text(headers, CloudEventHeaders.TIME)).isEqualTo("2026-11-03T09:15:30.123Z");
        assertThat(text(headers, "content-type")).isEqualTo("application/json");
    }

    @Test
    void a_time_with_an_offset_is_read_as_the_same_instant() {
        Map<String, byte[]> headers = HEADERS.toHeaders();
        headers.put(CloudEventHeaders.TIME, bytes("2026-11-03T10:15:30.123+01:00"));

        assertThat(CloudEventHeaders.fromHeaders(headers::get).time()).isEqualTo(EventSamples.AT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                CloudEventHeaders.ID,
                CloudEventHeaders.SOURCE,
                CloudEventHeaders.TYPE,
                CloudEventHeaders.SPEC_VERSION
            })
    void a_missing_required_header_is_named(String header) {
        Map<String, byte[]> headers = new HashMap<>(HEADERS.toHeaders());
        headers.remove(header);

        assertMalformed(headers, header, "missing CloudEvents header " + header);
    }

    @Test
    void a_missing_time_is_allowed_as_cloudevents_makes_it_optional() {
        Map<String, byte[]> headers = new HashMap<>(HEADERS.toHeaders());
        headers.remove(CloudEventHeaders.TIME);

        assertThat(CloudEventHeaders.fromHeaders(headers::get).time()).isNull();
    }

    @Test
    void an_id_longer_than_an_index_can_hold_is_refused() {
        Map<String, byte[]> headers = HEADERS.toHeaders();
        headers.put(CloudEventHeaders.ID, bytes("x".repeat(5000)));

        assertMalformed(headers, CloudEventHeaders.ID, "ce_id is 5000 characters; at most 256");
    }

    @Test
    void a_source_with_a_control_character_is_refused() {
        Map<String, byte[]> headers = HEADERS.toHeaders();
        headers.put(CloudEventHeaders.SOURCE, bytes("/tests\u0000"));

        assertMalformed(headers, CloudEventHeaders.SOURCE, "ce_source contains a control character");
    }

    @Test
    void a_blank_id_counts_as_missing() {
        Map<String, byte[]> headers = HEADERS.toHeaders();
        headers.put(CloudEventHeaders.ID, bytes(" "));

        assertMalformed(headers, CloudEventHeaders.ID, "missing CloudEvents header ce_id");
    }

    @Test
    void an_unknown_type_is_named() {
        Map<String, byte[]> headers = HEADERS.toHeaders();
        headers.put(CloudEventHeaders.TYPE, bytes("dev.tagline.registry.tag.moved"));

        assertMalformed(headers, CloudEventHeaders.TYPE, "unknown event type dev.tagline.registry.tag.moved");
    }

    @Test
    void another_spec_version_is_named() {
        Map<String, byte[]> headers = HEADERS.toHeaders();
        headers.put(CloudEventHeaders.SPEC_VERSION, bytes("0.3"));

        assertMalformed(headers, CloudEventHeaders.SPEC_VERSION, "unsupported CloudEvents spec version 0.3");
    }

    @Test
    void a_time_that_is_not_rfc_3339_is_named() {
        Map<String, byte[]> headers = HEADERS.toHeaders();
        headers.put(CloudEventHeaders.TIME, bytes("03/11/2026 09:15"));

        assertMalformed(headers, CloudEventHeaders.TIME, "not an RFC 3339 timestamp: 03/11/2026 09:15");
    }

    private static void assertMalformed(Map<String, byte[]> headers, String field, String message) {
        assertThatThrownBy(() -> CloudEventHeaders.fromHeaders(headers::get))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e).hasMessage(message);
                });
    }

    private static String text(Map<String, byte[]> headers, String name) {
        return new String(headers.get(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
