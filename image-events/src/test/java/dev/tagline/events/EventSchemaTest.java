package dev.tagline.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Holds every event's JSON Schema to its record: a valid schema, accepting real data, the same shape, strict. */
class EventSchemaTest {

    private static final ObjectMapper MAPPER = EventJson.mapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            .build();
    private static final String SHA256_UPPERCASE =
            "\"sha256:2C26B46B68FFC68FF99B453C1D30413413422D706483BFA0F98A5E886266E7AE\"";

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_schema_is_a_valid_2020_12_schema_of_an_open_object(EventType type) {
        JsonNode schema = schemaNode(type);
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG);

        assertThat(messages(metaSchema.validate(schema))).isEmpty();
        assertThat(schema.path("$schema").asText()).isEqualTo(SchemaId.V202012);
        assertThat(schema.path("$id").asText()).isEqualTo("https://tagline.dev/schemas/" + type.type() + ".json");
        assertThat(schema.path("title").asText()).isNotBlank();
        assertThat(schema.path("description").asText()).contains(type.type(), "Producers may add fields");
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isBoolean()
                        && schema.path("additionalProperties").asBoolean())
                .isTrue();
    }

    @Test
    void every_schema_file_belongs_to_an_event_type() throws IOException, URISyntaxException {
        Path directory = Path.of(EventSchemaTest.class.getResource("/schemas").toURI());
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> "/schemas/" + file.getFileName()))
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values())
                            .map(EventType::schemaResource)
                            .toList());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void a_fully_populated_sample_is_valid(EventType type) {
        assertThat(messages(validate(type, EventJson.write(EventSamples.full(type)))))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void a_minimal_sample_with_every_nullable_field_null_is_valid(EventType type) {
        assertThat(messages(validate(type, EventJson.write(EventSamples.minimal(type)))))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void a_producer_may_leave_out_the_nullable_fields(EventType type) {
        JsonNode data = read(EventJson.write(EventSamples.minimal(type)));
        removeNulls(data);

        assertThat(messages(validate(type, data))).isEmpty();
    }

    @Test
    void an_import_target_without_policies_is_valid_as_producers_wrote_it_before_it_had_them() {
        ObjectNode data = (ObjectNode) read(EventJson.write(EventSamples.full(EventType.REGISTRY_TAG_CHANGED)));
        ObjectNode target = (ObjectNode) data.path("target");
        target.putNull("importPolicy");
        target.putNull("referencePolicy");
        assertThat(messages(validate(EventType.REGISTRY_TAG_CHANGED, data))).isEmpty();

        target.remove(List.of("importPolicy", "referencePolicy"));
        assertThat(messages(validate(EventType.REGISTRY_TAG_CHANGED, data))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_fully_populated_sample_sets_every_property_jackson_writes(EventType type) {
        JsonNode data = read(EventJson.write(EventSamples.full(type)));

        assertThat(fieldNames(data))
                .containsExactlyInAnyOrderElementsOf(
                        jsonProperties(MAPPER.constructType(type.dataClass())).keySet());
        assertThat(data).allSatisfy(value -> assertThat(value.isNull()).isFalse());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void the_schema_describes_exactly_the_json_properties_and_enum_names_of_the_record(EventType type) {
        assertSameShape(type.dataClass().getSimpleName(), MAPPER.constructType(type.dataClass()), schemaNode(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void a_property_is_required_exactly_when_it_cannot_be_null(EventType type) {
        forEachObjectSchema("", schemaNode(type), (path, objectSchema) -> {
            Set<String> required = textValues(objectSchema.path("required"));
            objectSchema.path("properties").fields().forEachRemaining(property -> {
                boolean nullable = textValues(property.getValue().path("type")).contains("null");
                assertThat(required.contains(property.getKey()))
                        .as("%s/%s is required", path, property.getKey())
                        .isEqualTo(!nullable);
            });
        });
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource
    void a_sample_breaking_the_schema_is_rejected_at_the_offending_value(
            EventType type, String pointer, String badValue) {
        ObjectNode data = (ObjectNode) read(EventJson.write(EventSamples.full(type)));
        JsonPointer at = JsonPointer.compile(pointer);
        ((ObjectNode) data.at(at.head())).set(at.last().getMatchingProperty(), read(badValue));

        assertThat(validate(type, data))
                .extracting(message -> message.getInstanceLocation().toString())
                .contains(pointer);
    }

    static Stream<Arguments> a_sample_breaking_the_schema_is_rejected_at_the_offending_value() {
        return Stream.of(
                Arguments.of(EventType.REGISTRY_TAG_CHANGED, "/digest", "\"sha256:xyz\""),
                Arguments.of(EventType.REGISTRY_TAG_CHANGED, "/digest", SHA256_UPPERCASE),
                Arguments.of(EventType.REGISTRY_TAG_CHANGED, "/digest", "\"sha256:abc\""),
                Arguments.of(EventType.REGISTRY_TAG_CHANGED, "/platforms/0/digest", "\"md5:abc\""),
                Arguments.of(EventType.REGISTRY_TAG_CHANGED, "/origin/kind", "\"push\""),
                Arguments.of(EventType.REGISTRY_TAG_CHANGED, "/observedAt", "\"yesterday\""),
                Arguments.of(EventType.REGISTRY_TAG_CHANGED, "/size", "-1"),
                Arguments.of(EventType.REGISTRY_TAG_CHANGED, "/tag", "\"-v1\""),
                Arguments.of(EventType.REGISTRY_TAG_CHANGED, "/repository", "\"Team-A/app\""),
                Arguments.of(EventType.REGISTRY_TAG_CHANGED, "/target", "\"team-a/app:v1\""),
                Arguments.of(EventType.REGISTRY_TAG_CHANGED, "/target/importPolicy/importMode", "\"legacy\""),
                Arguments.of(EventType.REGISTRY_TAG_CHANGED, "/target/importPolicy/scheduled", "\"yes\""),
                Arguments.of(EventType.REGISTRY_TAG_CHANGED, "/target/referencePolicy", "\"local\""),
                Arguments.of(EventType.REGISTRY_TAG_DELETED, "/digest", "\"sha512:abc\""),
                Arguments.of(EventType.REGISTRY_TAG_IMPORT_FAILED, "/reason", "\"forbidden\""),
                Arguments.of(EventType.IMAGESTREAM_TAG_UPDATED, "/image/digest", "\"sha256:xyz\""),
                Arguments.of(EventType.IMAGESTREAM_TAG_UPDATED, "/previous/digest", "null"),
                Arguments.of(EventType.IMAGESTREAM_TAG_UPDATED, "/cause", "\"manual\""),
                Arguments.of(EventType.IMAGESTREAM_TAG_UPDATED, "/generation", "\"7\""),
                Arguments.of(EventType.IMAGESTREAM_TAG_DELETED, "/lastImage/digest", "\"sha256:xyz\""),
                Arguments.of(EventType.IMAGESTREAM_TAG_SPEC_CHANGED, "/spec/importPolicy/importMode", "\"legacy\""),
                Arguments.of(EventType.IMAGESTREAM_TAG_SPEC_CHANGED, "/spec/from/kind", "\"Image\""),
                Arguments.of(EventType.IMAGESTREAM_TAG_IMPORT_FAILED, "/failedAt", "\"2026-13-45T00:00:00Z\""),
                Arguments.of(EventType.TRIGGER_BUILD_REQUESTED, "/image/digest", "\"sha256:xyz\""),
                Arguments.of(EventType.TRIGGER_DEPLOY_REQUESTED, "/trigger/kind", "\"restart\""),
                Arguments.of(EventType.TRIGGER_DEPLOY_REQUESTED, "/params", "null"),
                Arguments.of(EventType.IMPORT_REQUESTED, "/origin", "null"),
                Arguments.of(EventType.SIGNATURE_CHECK_REQUESTED, "/keys", "[]"),
                Arguments.of(EventType.SIGNATURE_CHECK_REQUESTED, "/keys/0/fingerprint", "\"9f86d081\""),
                Arguments.of(EventType.REGISTRY_SIGNATURE_CHECKED, "/verdict", "\"verified\""),
                Arguments.of(EventType.REGISTRY_SIGNATURE_CHECKED, "/digest", "\"sha256:xyz\""));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource
    void a_sample_without_a_required_property_is_rejected(EventType type, String property) {
        ObjectNode data = (ObjectNode) read(EventJson.write(EventSamples.full(type)));
        data.remove(property);

        assertThat(validate(type, data))
                .extracting(ValidationMessage::getProperty)
                .contains(property);
    }

    static Stream<Arguments> a_sample_without_a_required_property_is_rejected() {
        return Arrays.stream(EventType.values())
                .flatMap(type -> textValues(schemaNode(type).path("required")).stream()
                        .map(property -> Arguments.of(type, property)));
    }

    /** Compares record properties and enum constants, as Jackson writes them, with the schema, all the way down. */
    private static void assertSameShape(String path, JavaType type, JsonNode schema) {
        if (type.isEnumType()) {
            Set<String> values = new HashSet<>();
            schema.path("enum").forEach(value -> values.add(value.isNull() ? null : value.asText()));
            Set<String> expected = new HashSet<>(enumNames(type.getRawClass()));
            // enum applies to every value, so a nullable enum must list null, or a null value is refused.
            if (textValues(schema.path("type")).contains("null")) {
                expected.add(null);
            }
            assertThat(values).as("%s enum", path).containsExactlyInAnyOrderElementsOf(expected);
        } else if (type.isRecordType()) {
            Map<String, JavaType> properties = jsonProperties(type);
            assertThat(fieldNames(schema.path("properties")))
                    .as("%s properties", path)
                    .containsExactlyInAnyOrderElementsOf(properties.keySet());
            properties.forEach((name, propertyType) -> assertSameShape(
                    path + "." + name, propertyType, schema.path("properties").path(name)));
        } else if (type.isCollectionLikeType()) {
            assertSameShape(path + "[]", type.getContentType(), schema.path("items"));
        }
    }

    private static Map<String, JavaType> jsonProperties(JavaType type) {
        BeanDescription description = MAPPER.getSerializationConfig().introspect(type);
        Map<String, JavaType> properties = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.couldSerialize()) {
                properties.put(property.getName(), property.getPrimaryType());
            }
        }
        return properties;
    }

    private static Set<String> enumNames(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(constant -> MAPPER.valueToTree(constant).asText())
                .collect(Collectors.toSet());
    }

    private static void forEachObjectSchema(String path, JsonNode schema, BiConsumer<String, JsonNode> action) {
        if (schema.has("properties")) {
            action.accept(path, schema);
            schema.path("properties")
                    .fields()
                    .forEachRemaining(property ->
                            forEachObjectSchema(path + "/" + property.getKey(), property.getValue(), action));
        }
        if (schema.has("items")) {
            forEachObjectSchema(path + "[]", schema.path("items"), action);
        }
    }

    private static void removeNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(property -> property.getValue().isNull());
        }
        node.forEach(EventSchemaTest::removeNulls);
    }

    private static Set<ValidationMessage> validate(EventType type, String json) {
        return validate(type, read(json));
    }

    private static Set<ValidationMessage> validate(EventType type, JsonNode data) {
        try (InputStream schema = EventSchemaTest.class.getResourceAsStream(type.schemaResource())) {
            assertThat(schema).as(type.schemaResource()).isNotNull();
            return FACTORY.getSchema(schema, CONFIG).validate(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode schemaNode(EventType type) {
        try (InputStream schema = EventSchemaTest.class.getResourceAsStream(type.schemaResource())) {
            assertThat(schema).as(type.schemaResource()).isNotNull();
            return MAPPER.readTree(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> messages(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Iterator<String> names = node.fieldNames();
        return StreamSupport.stream(((Iterable<String>) () -> names).spliterator(), false)
                .collect(Collectors.toSet());
    }

    private static Set<String> textValues(JsonNode node) {
        Set<String> values = new HashSet<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
