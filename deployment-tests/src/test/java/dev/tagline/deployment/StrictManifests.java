package dev.tagline.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses multi-document YAML into the Kubernetes (fabric8) and Strimzi API models, strictly: a kind we do not know,
 * a field the model does not have, or a value of the wrong type is an error naming the document and the field.
 */
final class StrictManifests {

    /** Every kind the manifests may hold, by {@code apiVersion/kind}. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Namespace", Namespace.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class);

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private StrictManifests() {}

    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> resources = new ArrayList<>();
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(yaml)) {
            int number = 0;
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                number++;
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    resources.add(parse(document, number));
                }
            }
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HasMetadata parse(JsonNode document, int number) {
        String kind = document.path("apiVersion").asText() + "/"
                + document.path("kind").asText();
        String name = "document " + number + " (" + kind + " "
                + document.path("metadata").path("name").asText() + ")";
        Class<? extends HasMetadata> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalArgumentException(
                    name + ": unknown kind " + kind + "; known are " + new TreeMap<>(KINDS).keySet());
        }
        HasMetadata resource;
        try {
            resource = YAML.treeToValue(document, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + ": " + e.getOriginalMessage(), e);
        }
        List<String> unknown = UnknownFields.of(resource);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    name + ": fields the " + type.getSimpleName() + " model does not have: " + unknown);
        }
        return resource;
    }
}
