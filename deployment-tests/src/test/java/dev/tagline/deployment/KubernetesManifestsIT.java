package dev.tagline.deployment;

import static dev.tagline.deployment.PodTemplates.TOKEN_FILE_VARIABLE;
import static dev.tagline.deployment.PodTemplates.container;
import static dev.tagline.deployment.PodTemplates.environment;
import static dev.tagline.deployment.PodTemplates.port;
import static dev.tagline.deployment.PodTemplates.secretHolding;
import static dev.tagline.deployment.PodTemplates.secretKeysReferenced;
import static dev.tagline.deployment.PodTemplates.variableNames;
import static dev.tagline.deployment.PodTemplates.volume;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tagline.events.Topics;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders {@code k8s/} (the base and each overlay) with the real kustomize, parses every manifest strictly into the
 * Kubernetes and Strimzi API models, and checks images, ports, probes, environment and topics against what the
 * packaged services read, and the overlays against what running them in development and production needs.
 */
class KubernetesManifestsIT {

    private static final ServiceCatalog CATALOG = ServiceCatalog.read();
    private static final Path ROOT = ServiceCatalog.repositoryRoot();
    private static final Map<String, RenderedManifests> RENDERED = new ConcurrentHashMap<>();

    private static final String DEV = "overlays/dev";
    private static final String PROD = "overlays/prod";
    private static final String STRIMZI_CLUSTER_LABEL = "strimzi.io/cluster";
    private static final String HOSTNAME_TOPOLOGY = "kubernetes.io/hostname";
    private static final String GATEWAY_SOURCES = "TAGLINE_GATEWAY_SOURCES_";

    /** Runs a test once for the base and once for each overlay, each rendered once for all tests. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest
    @ValueSource(strings = {"base", DEV, PROD})
    @interface ForEveryKustomization {}

    private static RenderedManifests rendered(String kustomization) {
        return RENDERED.computeIfAbsent(kustomization, name -> RenderedManifests.render(ROOT, name));
    }

    // --- The strict parse itself

    @ForEveryKustomization
    void every_manifest_parses_into_the_kubernetes_and_strimzi_models_without_unknown_fields(String kustomization) {
        assertThat(rendered(kustomization).resources())
                .extracting(HasMetadata::getKind)
                .contains("Deployment", "Service", "ConfigMap", "KafkaTopic");
    }

    @Test
    void a_misspelt_field_is_refused_with_its_path() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: tag-service
                spec:
                  selector:
                    matchLabels:
                      app: tag-service
                  template:
                    spec:
                      containers:
                        - name: tag-service
                          readinessProbe:
                            httpGet:
                              pathh: /q/health/ready
                """;

        assertThatThrownBy(() -> StrictManifests.parse(deployment))
                .hasMessageContaining("Deployment tag-service")
                .hasMessageContaining("spec.template.spec.containers[0].readinessProbe.httpGet.pathh");
    }

    @Test
    void a_misspelt_kafka_topic_field_is_refused() {
        String topic = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: trigger-actions
                spec:
                  partition: 3
                """;

        assertThatThrownBy(() -> StrictManifests.parse(topic)).hasMessageContaining("spec.partition");
    }

    @Test
    void a_value_of_the_wrong_type_is_refused() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: tag-service
                spec:
                  replicas: two
                """;

        assertThatThrownBy(() -> StrictManifests.parse(deployment)).hasMessageContaining("Deployment tag-service");
    }

    @Test
    void an_unknown_kind_or_api_version_is_refused() {
        assertThatThrownBy(
                        () -> StrictManifests.parse("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: x\n"))
                .hasMessageContaining("unknown kind apps/v1/StatefulSet");
        assertThatThrownBy(() -> StrictManifests.parse("apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\n"))
                .hasMessageContaining("unknown kind autoscaling/v1/HorizontalPodAutoscaler");
    }

    @Test
    void without_kubectl_or_kustomize_rendering_fails_and_says_why() {
        Path directoryWithoutThem = ROOT.resolve("k8s");

        assertThatThrownBy(() -> Kustomize.build(ROOT.resolve("k8s/base"), directoryWithoutThem.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Neither kubectl nor kustomize is on the PATH");
    }

    @Test
    void the_strimzi_model_parses_the_api_version_the_topics_are_written_in() {
        // One model class serves every version Strimzi has; the strict parse accepts KafkaTopics of v1beta2 only.
        assertThat(KafkaTopic.VERSIONS).contains("v1beta2");
        assertThatThrownBy(() -> StrictManifests.parse("apiVersion: kafka.strimzi.io/v1alpha1\nkind: KafkaTopic\n"))
                .hasMessageContaining("unknown kind kafka.strimzi.io/v1alpha1/KafkaTopic");
    }

    // --- Every kustomization: the services as they are packaged

    @ForEveryKustomization
    void every_service_has_a_deployment_of_its_image_and_a_service_selecting_its_pods(String kustomization) {
        RenderedManifests manifests = rendered(kustomization);
        for (TaglineService service : CATALOG.services()) {
            Deployment deployment = manifests.deployment(service);
            Map<String, String> podLabels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(LabelSelectors.selects(deployment.getSpec().getSelector(), podLabels))
                    .as(service.module())
                    .isTrue();
            assertThat(imageRepository(container(deployment).getImage()))
                    .as(service.module())
                    .isEqualTo(service.image());
            assertThat(LabelSelectors.selects(
                            manifests.service(service).getSpec().getSelector(), podLabels))
                    .as(service.module())
                    .isTrue();
        }
        assertThat(manifests.all(Deployment.class)).hasSameSizeAs(CATALOG.services());
    }

    @ForEveryKustomization
    void ports_and_health_probes_are_the_service_s_own(String kustomization) {
        RenderedManifests manifests = rendered(kustomization);
        for (TaglineService service : CATALOG.services()) {
            Container container = container(manifests.deployment(service));
            assertThat(container.getPorts())
                    .as(service.module())
                    .extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                    .containsExactly(tuple("http", service.httpPort()));
            assertThat(probe(container.getReadinessProbe(), container))
                    .as(service.module() + " readiness")
                    .isEqualTo(TaglineService.READINESS_PATH + " on " + service.httpPort());
            assertThat(probe(container.getLivenessProbe(), container))
                    .as(service.module() + " liveness")
                    .isEqualTo(TaglineService.LIVENESS_PATH + " on " + service.httpPort());
            if (container.getStartupProbe() != null) {
                assertThat(probe(container.getStartupProbe(), container))
                        .as(service.module() + " startup")
                        .isIn(
                                TaglineService.LIVENESS_PATH + " on " + service.httpPort(),
                                TaglineService.READINESS_PATH + " on " + service.httpPort());
            }
            List<ServicePort> servicePorts =
                    manifests.service(service).getSpec().getPorts();
            assertThat(servicePorts).as(service.module()).hasSize(1);
            assertThat(port(servicePorts.get(0).getTargetPort(), container))
                    .as(service.module() + " Service targetPort")
                    .isEqualTo(service.httpPort());
        }
    }

    @ForEveryKustomization
    void every_container_requests_and_is_limited_in_cpu_and_memory(String kustomization) {
        for (Deployment deployment : rendered(kustomization).all(Deployment.class)) {
            var resources = container(deployment).getResources();
            String name = deployment.getMetadata().getName();
            assertThat(resources.getRequests()).as(name + " requests").containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).as(name + " limits").containsKeys("cpu", "memory");
            for (String resource : List.of("cpu", "memory")) {
                assertThat(Quantity.getAmountInBytes(resources.getRequests().get(resource)))
                        .as(name + " " + resource + " request within its limit")
                        .isLessThanOrEqualTo(
                                Quantity.getAmountInBytes(resources.getLimits().get(resource)));
            }
        }
    }

    @ForEveryKustomization
    void every_environment_variable_given_is_one_the_service_reads(String kustomization) {
        RenderedManifests manifests = rendered(kustomization);
        for (TaglineService service : CATALOG.services()) {
            Set<String> names = variableNames(manifests, container(manifests.deployment(service)));
            assertThat(names).as(service.module() + " is given").isNotEmpty();
            assertThat(names.stream().filter(name -> !service.readsEnvironmentVariable(name)))
                    .as(service.module() + " is given environment variables it does not read")
                    .isEmpty();
        }
    }

    @ForEveryKustomization
    void every_service_finds_kafka_and_its_database_and_knows_whom_to_trust(String kustomization) {
        RenderedManifests manifests = rendered(kustomization);
        for (TaglineService service : CATALOG.services()) {
            Set<String> given = variableNames(manifests, container(manifests.deployment(service)));
            assertThat(given).as(service.module()).contains("KAFKA_BOOTSTRAP_SERVERS");
            if (service.readsEnvironmentVariable("QUARKUS_DATASOURCE_REACTIVE_URL")) {
                assertThat(given)
                        .as(service.module())
                        .contains(
                                "QUARKUS_DATASOURCE_JDBC_URL",
                                "QUARKUS_DATASOURCE_REACTIVE_URL",
                                "QUARKUS_DATASOURCE_USERNAME",
                                "QUARKUS_DATASOURCE_PASSWORD");
            }
            if (service.readsEnvironmentVariable(TOKEN_FILE_VARIABLE)) {
                assertThat(given.contains(TOKEN_FILE_VARIABLE) || given.contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"))
                        .as(service.module() + " is given a token file or a JWT verification key")
                        .isTrue();
            }
        }
    }

    @ForEveryKustomization
    void every_webhook_source_of_the_gateway_has_a_credential(String kustomization) {
        RenderedManifests manifests = rendered(kustomization);
        Set<String> given =
                variableNames(manifests, container(manifests.deployment(CATALOG.service("webhook-gateway"))));
        List<String> sources = given.stream()
                .filter(name -> name.startsWith(GATEWAY_SOURCES) && name.endsWith("_FORMAT"))
                .map(name -> name.substring(GATEWAY_SOURCES.length(), name.length() - "_FORMAT".length()))
                .toList();
        assertThat(sources).as("webhook sources").isNotEmpty();
        // The gateway refuses to start with a source that has neither.
        assertThat(sources)
                .allSatisfy(source -> assertThat(given)
                        .as("credential of source " + source)
                        .containsAnyOf(GATEWAY_SOURCES + source + "_TOKEN", GATEWAY_SOURCES + source + "_HMAC_SECRET"));
    }

    @ForEveryKustomization
    void secrets_are_referenced_never_rendered_and_their_creation_is_documented(String kustomization)
            throws IOException {
        RenderedManifests manifests = rendered(kustomization);
        assertThat(manifests.all(Secret.class))
                .as("Secrets in k8s/" + kustomization)
                .isEmpty();
        Map<String, Set<String>> keysBySecret = secretKeysReferenced(manifests);
        assertThat(keysBySecret)
                .as("Secrets referenced by k8s/" + kustomization)
                .containsKeys("tagline-postgres-credentials", "tagline-gateway-sources");
        String readme = Files.readString(ROOT.resolve("k8s/README.md"));
        keysBySecret.forEach((secret, keys) -> {
            String command = createSecretCommand(readme, secret);
            for (String key : keys) {
                assertThat(command)
                        .as("k8s/README.md's command creating " + secret)
                        .containsAnyOf("--from-literal=" + key + "=", "--from-file=" + key + "=");
            }
        });
    }

    @ForEveryKustomization
    void kafka_topics_are_exactly_the_services_topics_with_their_partitions_and_retention(String kustomization) {
        RenderedManifests manifests = rendered(kustomization);
        Map<String, KafkaTopic> topics = new TreeMap<>();
        manifests.all(KafkaTopic.class).forEach(topic -> topics.put(topicName(topic), topic));
        assertThat(topics.keySet())
                .as("KafkaTopics of k8s/" + kustomization + ", against the topics the services use")
                .isEqualTo(CATALOG.topics());
        Map<String, Integer> partitions = StackTopics.partitionsByTopic();
        topics.forEach((name, topic) -> {
            assertThat(topic.getSpec().getPartitions())
                    .as(name + " partitions, as testkit's stack has them")
                    .isEqualTo(partitions.get(name));
            assertThat(topic.getSpec().getConfig()).as(name + " config").containsKey("retention.ms");
            int replicas = topic.getSpec().getReplicas();
            int minInSync = ((Number) topic.getSpec().getConfig().get("min.insync.replicas")).intValue();
            // acks=all producers keep publishing while one broker is down, except on a single-broker cluster.
            assertThat(minInSync).as(name + " min.insync.replicas").isBetween(1, Math.max(1, replicas - 1));
            KafkaTopic deadLetters = topics.get(Topics.deadLetter(name));
            if (deadLetters != null) {
                assertThat(retentionMillis(deadLetters))
                        .as(Topics.deadLetter(name) + " kept at least as long as " + name)
                        .isGreaterThanOrEqualTo(retentionMillis(topic));
            }
        });
    }

    @ForEveryKustomization
    void kafka_topic_settings_are_ones_kafka_has(String kustomization) {
        Set<String> topicSettings = new TreeSet<>();
        for (Field field : TopicConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_CONFIG")) {
                topicSettings.add(String.valueOf(readStatic(field)));
            }
        }
        assertThat(rendered(kustomization).all(KafkaTopic.class))
                .allSatisfy(topic -> assertThat(topicSettings)
                        .as(topicName(topic) + " settings")
                        .containsAll(topic.getSpec().getConfig().keySet()));
    }

    @ForEveryKustomization
    void kafka_topics_belong_to_the_cluster_the_services_connect_to(String kustomization) {
        RenderedManifests manifests = rendered(kustomization);
        Set<String> clusters = manifests.all(KafkaTopic.class).stream()
                .map(topic -> topic.getMetadata().getLabels().get(STRIMZI_CLUSTER_LABEL))
                .collect(Collectors.toSet());
        assertThat(clusters).hasSize(1).doesNotContainNull();
        String cluster = clusters.iterator().next();
        for (TaglineService service : CATALOG.services()) {
            Container container = container(manifests.deployment(service));
            assertThat(environment(manifests, container).get("KAFKA_BOOTSTRAP_SERVERS"))
                    .as(service.module())
                    .startsWith(cluster + "-kafka-bootstrap:");
        }
    }

    @ForEveryKustomization
    void containers_run_as_non_root_on_a_read_only_root_filesystem_with_a_writable_tmp(String kustomization) {
        for (Deployment deployment : rendered(kustomization).all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = container(deployment);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getAutomountServiceAccountToken())
                    .as(name + " needs no Kubernetes API token")
                    .isFalse();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem())
                    .as(name)
                    .isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation())
                    .as(name)
                    .isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop())
                    .as(name)
                    .containsExactly("ALL");
            String tmpVolume = container.getVolumeMounts().stream()
                    .filter(mount -> mount.getMountPath().equals("/tmp"))
                    .map(VolumeMount::getName)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " mounts nothing on /tmp"));
            assertThat(volume(pod, tmpVolume).getEmptyDir()).as(name + " /tmp").isNotNull();
        }
    }

    @Test
    void the_base_names_no_namespace_and_no_image_tag() {
        RenderedManifests base = rendered("base");
        assertThat(base.resources())
                .allSatisfy(resource ->
                        assertThat(resource.getMetadata().getNamespace()).isNull());
        assertThat(base.all(Deployment.class))
                .allSatisfy(deployment -> assertThat(container(deployment).getImage())
                        .isEqualTo(imageRepository(container(deployment).getImage())));
    }

    // --- Development

    @Test
    void dev_runs_one_replica_of_each_service_in_its_own_namespace_on_single_replica_topics() {
        RenderedManifests dev = rendered(DEV);
        assertThat(dev.all(Deployment.class))
                .allSatisfy(deployment ->
                        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1));
        assertThat(dev.all(KafkaTopic.class))
                .allSatisfy(topic -> assertThat(topic.getSpec().getReplicas()).isEqualTo(1));
        assertThat(dev.all(Namespace.class))
                .extracting(namespace -> namespace.getMetadata().getName())
                .containsExactly("tagline-dev");
        assertThat(dev.resources())
                .filteredOn(resource -> !(resource instanceof Namespace))
                .allSatisfy(resource ->
                        assertThat(resource.getMetadata().getNamespace()).isEqualTo("tagline-dev"));
    }

    @Test
    void dev_reads_api_tokens_from_a_file_in_a_mounted_secret() {
        RenderedManifests dev = rendered(DEV);
        for (TaglineService service : CATALOG.services()) {
            if (service.readsEnvironmentVariable(TOKEN_FILE_VARIABLE)) {
                Deployment deployment = dev.deployment(service);
                Container container = container(deployment);
                String file = environment(dev, container).get(TOKEN_FILE_VARIABLE);
                assertThat(file).as(service.module()).isNotNull();
                assertThat(secretHolding(deployment, file))
                        .as(service.module() + " mounts a Secret holding " + file)
                        .isPresent();
            }
        }
    }

    // --- Production

    @Test
    void prod_pins_every_image_to_a_version() {
        for (Deployment deployment : rendered(PROD).all(Deployment.class)) {
            String image = container(deployment).getImage();
            assertThat(image)
                    .as(deployment.getMetadata().getName())
                    .isNotEqualTo(imageRepository(image))
                    .doesNotEndWith(":latest");
        }
    }

    @Test
    void prod_runs_at_least_two_replicas_of_each_service_and_leaves_the_gateway_s_to_its_autoscaler() {
        RenderedManifests prod = rendered(PROD);
        for (Deployment deployment : prod.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Optional<HorizontalPodAutoscaler> autoscaler = autoscalerOf(prod, deployment);
            if (autoscaler.isPresent()) {
                assertThat(autoscaler.get().getSpec().getMinReplicas())
                        .as(name + " autoscaler minReplicas")
                        .isGreaterThanOrEqualTo(2);
                // A replica count in the Deployment would reset the autoscaler's choice on every apply.
                assertThat(deployment.getSpec().getReplicas())
                        .as(name + " replicas, owned by its autoscaler")
                        .isNull();
            } else {
                assertThat(deployment.getSpec().getReplicas())
                        .as(name + " replicas")
                        .isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void prod_scales_the_gateway_on_cpu_between_two_and_more_replicas() {
        RenderedManifests prod = rendered(PROD);
        HorizontalPodAutoscaler autoscaler = autoscalerOf(prod, prod.deployment(CATALOG.service("webhook-gateway")))
                .orElseThrow(
                        () -> new AssertionError("No HorizontalPodAutoscaler targets the webhook-gateway Deployment"));
        assertThat(autoscaler.getSpec().getMaxReplicas())
                .isGreaterThan(autoscaler.getSpec().getMinReplicas());
        assertThat(autoscaler.getSpec().getMetrics())
                .extracting(MetricSpec::getType)
                .containsExactly("Resource");
        assertThat(autoscaler.getSpec().getMetrics().get(0).getResource().getName())
                .isEqualTo("cpu");
        assertThat(autoscaler
                        .getSpec()
                        .getMetrics()
                        .get(0)
                        .getResource()
                        .getTarget()
                        .getAverageUtilization())
                .isBetween(1, 100);
    }

    @Test
    void prod_protects_every_service_with_a_pod_disruption_budget_that_still_lets_a_node_drain() {
        RenderedManifests prod = rendered(PROD);
        for (Deployment deployment : prod.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> podLabels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = prod.all(PodDisruptionBudget.class).stream()
                    .filter(budget -> LabelSelectors.selects(budget.getSpec().getSelector(), podLabels))
                    .toList();
            assertThat(budgets).as(name + " PodDisruptionBudgets").hasSize(1);
            IntOrString maxUnavailable = budgets.get(0).getSpec().getMaxUnavailable();
            IntOrString minAvailable = budgets.get(0).getSpec().getMinAvailable();
            if (maxUnavailable != null) {
                assertThat(maxUnavailable.getIntVal())
                        .as(name + " maxUnavailable")
                        .isEqualTo(1);
            } else {
                assertThat(minAvailable.getIntVal()).as(name + " minAvailable").isEqualTo(1);
            }
        }
    }

    @Test
    void prod_spreads_the_replicas_of_each_service_over_nodes() {
        RenderedManifests prod = rendered(PROD);
        for (Deployment deployment : prod.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> ownPods =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<TopologySpreadConstraint> overNodes =
                    deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().stream()
                            .filter(constraint -> constraint.getTopologyKey().equals(HOSTNAME_TOPOLOGY))
                            .toList();
            assertThat(overNodes).as(name + " spread over " + HOSTNAME_TOPOLOGY).hasSize(1);
            TopologySpreadConstraint constraint = overNodes.get(0);
            assertThat(spreadSelects(constraint, ownPods, ownPods))
                    .as(name + " spreads its own pods")
                    .isTrue();
            for (Deployment other : prod.all(Deployment.class)) {
                if (other != deployment) {
                    Map<String, String> otherPods =
                            other.getSpec().getTemplate().getMetadata().getLabels();
                    assertThat(spreadSelects(constraint, ownPods, otherPods))
                            .as(name + " spreads only its own pods, not "
                                    + other.getMetadata().getName() + "'s")
                            .isFalse();
                }
            }
        }
    }

    @Test
    void prod_keeps_every_topic_on_three_brokers() {
        assertThat(rendered(PROD).all(KafkaTopic.class)).allSatisfy(topic -> {
            assertThat(topic.getSpec().getReplicas()).isEqualTo(3);
            assertThat(((Number) topic.getSpec().getConfig().get("min.insync.replicas")).intValue())
                    .isEqualTo(2);
        });
    }

    @Test
    void prod_puts_everything_in_one_namespace_it_does_not_own() {
        RenderedManifests prod = rendered(PROD);
        assertThat(prod.all(Namespace.class)).isEmpty();
        Set<String> namespaces = prod.resources().stream()
                .map(resource -> resource.getMetadata().getNamespace())
                .collect(Collectors.toSet());
        assertThat(namespaces).hasSize(1).doesNotContainNull();
    }

    // --- Helpers

    /** The image without registry-independent suffixes: {@code tagline/tag-service:0.1.0} is {@code tagline/tag-service}. */
    private static String imageRepository(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int lastSlash = withoutDigest.lastIndexOf('/');
        int tagColon = withoutDigest.lastIndexOf(':');
        String repository = tagColon > lastSlash ? withoutDigest.substring(0, tagColon) : withoutDigest;
        // A registry host (with a dot or a port) in front is the operator's choice; the repository path is ours.
        String[] parts = repository.split("/", 2);
        boolean hasRegistry =
                parts.length == 2 && (parts[0].contains(".") || parts[0].contains(":") || parts[0].equals("localhost"));
        return hasRegistry ? parts[1] : repository;
    }

    private static String probe(Probe probe, Container container) {
        assertThat(probe).as(container.getName() + " probe").isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(container.getName() + " probe over HTTP").isNotNull();
        return get.getPath() + " on " + port(get.getPort(), container);
    }

    /** The whole {@code kubectl create secret generic <name> …} command, continuation lines included. */
    private static String createSecretCommand(String readme, String secret) {
        String start = "create secret generic " + secret + " ";
        int at = readme.indexOf(start);
        assertThat(at)
                .as("k8s/README.md says how to create the Secret " + secret + " (" + start.strip() + ")")
                .isNotNegative();
        StringBuilder command = new StringBuilder();
        for (String line : readme.substring(at).split("\n")) {
            command.append(line).append('\n');
            if (!line.stripTrailing().endsWith("\\")) {
                break;
            }
        }
        return command.toString();
    }

    private static Object readStatic(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String topicName(KafkaTopic topic) {
        String name = topic.getSpec().getTopicName();
        return name == null ? topic.getMetadata().getName() : name;
    }

    private static long retentionMillis(KafkaTopic topic) {
        return ((Number) topic.getSpec().getConfig().get("retention.ms")).longValue();
    }

    private static Optional<HorizontalPodAutoscaler> autoscalerOf(RenderedManifests manifests, Deployment deployment) {
        return manifests.all(HorizontalPodAutoscaler.class).stream()
                .filter(autoscaler ->
                        autoscaler.getSpec().getScaleTargetRef().getKind().equals("Deployment")
                                && autoscaler
                                        .getSpec()
                                        .getScaleTargetRef()
                                        .getApiVersion()
                                        .equals("apps/v1")
                                && autoscaler
                                        .getSpec()
                                        .getScaleTargetRef()
                                        .getName()
                                        .equals(deployment.getMetadata().getName()))
                .findFirst();
    }

    /**
     * Whether a spread constraint of a pod labelled {@code ownPods} counts a pod labelled {@code candidate}: its
     * selector, narrowed by the pod's own values of the {@code matchLabelKeys}, as the scheduler does.
     */
    private static boolean spreadSelects(
            TopologySpreadConstraint constraint, Map<String, String> ownPods, Map<String, String> candidate) {
        LabelSelector selector = constraint.getLabelSelector();
        Map<String, String> narrowed =
                new HashMap<>(selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels());
        for (String key : constraint.getMatchLabelKeys() == null ? List.<String>of() : constraint.getMatchLabelKeys()) {
            // pod-template-hash is set on the pods by the Deployment controller, not in the template.
            if (ownPods.containsKey(key)) {
                narrowed.put(key, ownPods.get(key));
            }
        }
        LabelSelector effective = new LabelSelector(
                new ArrayList<>(selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions()),
                narrowed);
        return LabelSelectors.selects(effective, candidate);
    }
}
