package dev.tagline.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.testkit.ExternalCommand;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and the services' Dockerfiles, checked without a Docker engine: Debian's docker-compose validates
 * the file, and its contents are compared with what the packaged services read ({@link ServiceCatalog}) and with the
 * topics testkit creates.
 */
class DockerComposeFileIT {

    private static final ServiceCatalog CATALOG = ServiceCatalog.read();
    private static final Path ROOT = ServiceCatalog.repositoryRoot();
    private static final ComposeFile COMPOSE = ComposeFile.read(ROOT.resolve("docker-compose.yml"));

    private static final String TOPIC_JOB = "kafka-topics";
    private static final String KAFKA = "kafka";
    private static final String POSTGRES = "postgres";
    private static final String REGISTRY = "registry";
    private static final String DOCKERFILE = "src/main/docker/Dockerfile.jvm";
    private static final Pattern CREATE_TOPIC = Pattern.compile("kafka-topics\\.sh ([^\\n]*)");
    private static final Pattern OPTION_TOPIC = Pattern.compile("--topic (\\S+)");
    private static final Pattern OPTION_PARTITIONS = Pattern.compile("--partitions (\\d+)");
    private static final Pattern OPTION_BOOTSTRAP = Pattern.compile("--bootstrap-server (\\S+)");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|TOKEN|SECRET|CREDENTIALS)");

    @Test
    void debian_docker_compose_accepts_the_file_without_warnings() {
        Path executable = ExternalCommand.find("docker-compose")
                .orElseGet(
                        () -> fail(
                                "docker-compose is not installed, so docker-compose.yml cannot be validated: apt-get install -y docker-compose"));

        ExternalCommand.Result config = ExternalCommand.run(
                List.of(executable.toString(), "-f", "docker-compose.yml", "config", "-q"),
                ROOT,
                Duration.ofMinutes(2));

        assertThat(config.exitCode())
                .as("docker-compose config -q exit status; it said: %s", config.errors())
                .isZero();
        // An unset variable without a default is only a warning to Compose, and a blank setting to the service.
        assertThat(config.errors()).as("docker-compose config -q warnings").doesNotContain("WARNING");
    }

    @Test
    void every_service_is_built_from_its_module_s_dockerfile_as_its_catalog_image() {
        for (TaglineService service : CATALOG.services()) {
            JsonNode definition = COMPOSE.service(service.module());
            assertThat(definition.path("build").path("context").asText())
                    .as(service.module() + " build context")
                    .isIn("./" + service.module(), service.module());
            assertThat(definition.path("build").path("dockerfile").asText())
                    .as(service.module() + " Dockerfile")
                    .isEqualTo(DOCKERFILE);
            assertThat(ROOT.resolve(service.module()).resolve(DOCKERFILE)).isRegularFile();
            assertThat(definition.path("image").asText().split(":")[0])
                    .as(service.module() + " image")
                    .isEqualTo(service.image());
        }
    }

    @Test
    void each_service_publishes_and_health_checks_its_catalog_port_on_the_readiness_endpoint() {
        for (TaglineService service : CATALOG.services()) {
            assertThat(COMPOSE.containerPorts(service.module()))
                    .as(service.module() + " container ports")
                    .containsExactly(service.httpPort());
            String healthCheck = COMPOSE.healthCheck(service.module())
                    .orElseThrow(() -> new AssertionError(service.module() + " has no health check"));
            URI url = urlIn(healthCheck);
            assertThat(url.getPort())
                    .as(service.module() + " health check port")
                    .isEqualTo(service.httpPort());
            assertThat(url.getPath())
                    .as(service.module() + " health check path")
                    .isEqualTo(TaglineService.READINESS_PATH);
            // The runtime image (UBI 9 minimal underneath) has curl-minimal, and no wget.
            assertThat(healthCheck).as(service.module() + " health check").startsWith("curl -f");
        }
    }

    @Test
    void every_environment_variable_a_service_is_given_is_one_it_reads() {
        Map<String, List<String>> unread = new TreeMap<>();
        for (TaglineService service : CATALOG.services()) {
            List<String> names = COMPOSE.environment(service.module()).keySet().stream()
                    .filter(name -> !service.readsEnvironmentVariable(name))
                    .toList();
            if (!names.isEmpty()) {
                unread.put(service.module(), names);
            }
        }
        assertThat(unread)
                .as("environment variables no service reads (misspelt, or meant for another service)")
                .isEmpty();
    }

    @Test
    void every_service_reaches_kafka_on_the_broker_s_advertised_internal_listener() {
        String advertised = COMPOSE.environment(KAFKA).get("KAFKA_ADVERTISED_LISTENERS");
        for (TaglineService service : CATALOG.services()) {
            String bootstrap = COMPOSE.environment(service.module()).get("KAFKA_BOOTSTRAP_SERVERS");
            assertThat(bootstrap)
                    .as(service.module() + " KAFKA_BOOTSTRAP_SERVERS")
                    .isNotNull()
                    .startsWith(KAFKA + ":");
            assertThat(advertised).as("the broker's advertised listeners").contains("://" + bootstrap);
        }
    }

    @Test
    void each_service_with_a_database_gets_the_datasource_of_the_compose_postgres() {
        Map<String, String> postgres = COMPOSE.environment(POSTGRES);
        String database = "postgres:5432/" + postgres.get("POSTGRES_DB");
        List<String> withDatabase = new ArrayList<>();
        for (TaglineService service : CATALOG.services()) {
            if (!service.readsEnvironmentVariable("QUARKUS_DATASOURCE_REACTIVE_URL")) {
                continue;
            }
            withDatabase.add(service.module());
            Map<String, String> environment = COMPOSE.environment(service.module());
            assertThat(environment)
                    .as(service.module() + " datasource")
                    .contains(
                            Map.entry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + database),
                            Map.entry("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + database),
                            Map.entry("QUARKUS_DATASOURCE_USERNAME", postgres.get("POSTGRES_USER")),
                            Map.entry("QUARKUS_DATASOURCE_PASSWORD", postgres.get("POSTGRES_PASSWORD")));
        }
        assertThat(withDatabase).containsExactlyInAnyOrder("tag-service", "import-service", "trigger-service");
    }

    @Test
    void the_topic_job_creates_exactly_the_services_topics_with_testkit_s_partitions() {
        String script = COMPOSE.commandLine(TOPIC_JOB);
        Map<String, Integer> created = new TreeMap<>();
        Matcher command = CREATE_TOPIC.matcher(script);
        while (command.find()) {
            String options = command.group(1);
            assertThat(options).as("creating a topic").contains("--create", "--if-not-exists");
            assertThat(option(OPTION_BOOTSTRAP, options))
                    .as("the topic job's bootstrap server")
                    .isEqualTo(COMPOSE.environment("tag-service").get("KAFKA_BOOTSTRAP_SERVERS"));
            Integer previous =
                    created.put(option(OPTION_TOPIC, options), Integer.valueOf(option(OPTION_PARTITIONS, options)));
            assertThat(previous).as("a topic created twice: " + options).isNull();
        }
        assertThat(created.keySet()).as("topics created").containsExactlyInAnyOrderElementsOf(CATALOG.topics());
        assertThat(created).as("partitions").isEqualTo(StackTopics.partitionsByTopic());
        assertThat(COMPOSE.environment(KAFKA))
                .as("the broker creates no topics of its own")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }

    @Test
    void the_registry_notifies_a_distribution_source_of_the_gateway_with_the_gateway_s_token() throws IOException {
        TaglineService gateway = CATALOG.service("webhook-gateway");
        JsonNode endpoints =
                ComposeFile.YAML.readTree(COMPOSE.environment(REGISTRY).get("REGISTRY_NOTIFICATIONS_ENDPOINTS"));
        assertThat(endpoints).as("notification endpoints").hasSize(1);
        JsonNode endpoint = endpoints.get(0);

        URI url = URI.create(endpoint.path("url").asText());
        assertThat(url.getHost()).as("notified host").isEqualTo(gateway.module());
        assertThat(url.getPort()).as("notified port").isEqualTo(gateway.httpPort());
        assertThat(url.getPath()).as("notified path").startsWith("/webhooks/");
        String source = url.getPath().substring("/webhooks/".length());

        String prefix = "TAGLINE_GATEWAY_SOURCES_" + source.toUpperCase(Locale.ROOT) + "_";
        Map<String, String> environment = COMPOSE.environment(gateway.module());
        assertThat(environment).as("the gateway's source " + source).containsEntry(prefix + "FORMAT", "distribution");
        JsonNode authorization = endpoint.path("headers").path("Authorization");
        assertThat(authorization).as("the registry's Authorization header").hasSize(1);
        assertThat(authorization.get(0).asText()).isEqualTo("Bearer " + environment.get(prefix + "TOKEN"));
        assertThat(environment.get(prefix + "REGISTRY_URL"))
                .as("where the gateway reads index manifests")
                .isEqualTo("http://" + REGISTRY + ":"
                        + COMPOSE.containerPorts(REGISTRY).get(0));
    }

    @Test
    void registry_events_name_the_registry_as_the_import_service_reaches_it() {
        String recorded = COMPOSE.environment("webhook-gateway").get("TAGLINE_GATEWAY_SOURCES_LOCAL_REGISTRY");
        assertThat(recorded)
                .isEqualTo(REGISTRY + ":" + COMPOSE.containerPorts(REGISTRY).get(0));
        assertThat(COMPOSE.environment("import-service")
                        .get("TAGLINE_IMPORTS_ALLOWED_REGISTRIES")
                        .split(","))
                .as("registries the import-service may reach")
                .contains(recorded);
    }

    @Test
    void the_api_services_read_their_tokens_from_a_mounted_secret_file_in_the_token_file_format() throws IOException {
        for (TaglineService service : CATALOG.services()) {
            if (!service.readsEnvironmentVariable("TAGLINE_ACCESS_TOKEN_FILE")) {
                continue;
            }
            String tokenFile = COMPOSE.environment(service.module()).get("TAGLINE_ACCESS_TOKEN_FILE");
            Map<String, String> mounts = COMPOSE.secretMounts(service.module());
            assertThat(mounts).as(service.module() + " secrets").containsValue(tokenFile);
            String secret = mounts.entrySet().stream()
                    .filter(mount -> mount.getValue().equals(tokenFile))
                    .findFirst()
                    .orElseThrow()
                    .getKey();
            Path file = ROOT.resolve(ComposeFile.withDefaults(COMPOSE.secretFile(secret)
                    .orElseThrow(() -> new AssertionError("secret " + secret + " names no file"))));
            List<String[]> tokens = Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+"))
                    .toList();
            assertThat(tokens).as(file + " lines").allSatisfy(fields -> {
                assertThat(fields).hasSizeBetween(2, 3);
                assertThat(fields[0]).hasSizeGreaterThanOrEqualTo(16);
            });
            assertThat(tokens)
                    .as(file + " has a cluster-admin token to start with")
                    .anySatisfy(fields -> assertThat(fields).hasSize(3).contains("cluster-admin"));
        }
    }

    @Test
    void no_secret_is_written_into_the_file_only_variables_with_local_defaults() {
        Map<String, String> literal = new LinkedHashMap<>();
        for (String service : COMPOSE.serviceNames()) {
            COMPOSE.environment(service).forEach((name, value) -> {
                if (SECRET_NAME.matcher(name).matches() && !ComposeFile.isVariableWithDefault(value)) {
                    literal.put(service + " " + name, value);
                }
            });
        }
        assertThat(literal).as("secrets written literally").isEmpty();
        assertThat(COMPOSE.environment(REGISTRY).get("REGISTRY_NOTIFICATIONS_ENDPOINTS"))
                .as("the registry's notification token")
                .contains("Bearer ${");
        assertThat(COMPOSE.secretFiles()).as("secret files").allMatch(ComposeFile::isVariableWithDefault);
    }

    @Test
    void every_file_the_compose_setup_mounts_is_in_the_repository() {
        List<String> files = new ArrayList<>();
        COMPOSE.serviceNames()
                .forEach(service ->
                        files.addAll(COMPOSE.relativeBindMounts(service).keySet()));
        COMPOSE.secretFiles().forEach(file -> files.add(ComposeFile.withDefaults(file)));
        assertThat(files).isNotEmpty();
        // A bind mount of a missing file makes Docker create an empty directory in its place.
        assertThat(files)
                .allSatisfy(file -> assertThat(ROOT.resolve(file).normalize()).isRegularFile());
        assertThat(COMPOSE.relativeBindMounts(REGISTRY))
                .as("the registry's configuration")
                .containsValue("/etc/docker/registry/config.yml");
    }

    @Test
    void every_depends_on_condition_can_be_met() {
        for (String service : COMPOSE.serviceNames()) {
            COMPOSE.dependsOn(service).forEach((dependency, condition) -> {
                assertThat(COMPOSE.serviceNames()).as(service + " depends on").contains(dependency);
                switch (condition) {
                    case "service_healthy" ->
                        assertThat(COMPOSE.healthCheck(dependency))
                                .as(service + " waits for " + dependency + " to be healthy, so it needs a health check")
                                .isPresent();
                    case "service_completed_successfully" ->
                        assertThat(COMPOSE.service(dependency).path("restart").asText("no"))
                                .as(service + " waits for " + dependency + " to finish, so it must not be restarted")
                                .isIn("no", "on-failure");
                    default ->
                        fail(service + " depends on " + dependency + " with condition " + condition
                                + ", which says nothing about it being ready");
                }
            });
        }
    }

    @Test
    void every_service_waits_for_its_topics_and_its_database() {
        for (TaglineService service : CATALOG.services()) {
            Map<String, String> dependsOn = COMPOSE.dependsOn(service.module());
            assertThat(dependsOn)
                    .as(service.module() + " depends_on")
                    .containsEntry(TOPIC_JOB, "service_completed_successfully");
            if (service.readsEnvironmentVariable("QUARKUS_DATASOURCE_REACTIVE_URL")) {
                assertThat(dependsOn).as(service.module() + " depends_on").containsEntry(POSTGRES, "service_healthy");
            }
        }
        assertThat(COMPOSE.dependsOn(TOPIC_JOB)).containsEntry(KAFKA, "service_healthy");
    }

    @Test
    void each_dockerfile_runs_the_packaged_quarkus_app_as_a_non_root_user_on_the_catalog_port() throws IOException {
        for (TaglineService service : CATALOG.services()) {
            Path moduleDir = ROOT.resolve(service.module());
            Dockerfile dockerfile = Dockerfile.read(moduleDir.resolve(DOCKERFILE));
            String base = dockerfile.last("FROM");
            assertThat(base)
                    .as(service.module() + " base image")
                    .startsWith("registry.access.redhat.com/ubi9/openjdk-17-runtime:")
                    .doesNotEndWith(":latest");
            assertThat(dockerfile.all("EXPOSE"))
                    .as(service.module() + " EXPOSE")
                    .flatExtracting(Dockerfile.Instruction::words)
                    .containsExactly(String.valueOf(service.httpPort()));
            List<String> copied = dockerfile.all("COPY").stream()
                    .map(copy -> copy.words().stream()
                            .filter(word -> !word.startsWith("--"))
                            .findFirst()
                            .orElseThrow())
                    .toList();
            assertThat(copied)
                    .as(service.module() + " copies")
                    .containsExactlyInAnyOrder(
                            "target/quarkus-app/lib/",
                            "target/quarkus-app/*.jar",
                            "target/quarkus-app/app/",
                            "target/quarkus-app/quarkus/",
                            "target/quarkus-app/jvm.options");
            assertThat(dockerfile.last("USER")).as(service.module() + " user").isEqualTo("185");
            // The packaged jvm.options name the class-data archive relative to the jar's directory.
            assertThat(dockerfile.last("WORKDIR"))
                    .as(service.module() + " WORKDIR")
                    .isEqualTo("/deployments");
            assertThat(dockerfile.last("ENTRYPOINT"))
                    .as(service.module() + " ENTRYPOINT")
                    .contains("java $(cat jvm.options)")
                    .contains("-jar quarkus-run.jar");
            // Whatever the build context leaves out, it must keep what the Dockerfile copies.
            assertThat(Files.readAllLines(moduleDir.resolve(".dockerignore")))
                    .as(service.module() + " .dockerignore")
                    .contains("!target/quarkus-app");
        }
    }

    private static URI urlIn(String command) {
        Matcher url = URL.matcher(command);
        if (!url.find()) {
            throw new AssertionError("No URL in " + command);
        }
        return URI.create(url.group());
    }

    private static String option(Pattern option, String options) {
        Matcher matcher = option.matcher(options);
        if (!matcher.find()) {
            throw new AssertionError(option + " missing in " + options);
        }
        return matcher.group(1);
    }
}
