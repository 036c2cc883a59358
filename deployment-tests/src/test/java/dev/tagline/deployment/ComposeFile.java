package dev.tagline.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Compose file as written (variables not substituted), read in the shapes the Compose specification allows for
 * the keys the deployment tests look at: environment, ports, depends_on, health checks, secrets and volumes.
 */
final class ComposeFile {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** {@code ${NAME:-default}} or {@code ${NAME-default}}: a variable with a default. */
    private static final Pattern VARIABLE_WITH_DEFAULT = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):?-([^}]*)}");

    private static final String SECRETS_DIRECTORY = "/run/secrets/";

    private final JsonNode root;

    private ComposeFile(JsonNode root) {
        this.root = root;
    }

    static ComposeFile read(Path file) {
        try {
            return new ComposeFile(YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        root.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode service(String name) {
        JsonNode service = root.path("services").path(name);
        if (service.isMissingNode()) {
            throw new NoSuchElementException("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** The service's environment, from either the map or the {@code NAME=value} list form. */
    Map<String, String> environment(String service) {
        JsonNode environment = service(service).path("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment.isArray()) {
            environment.forEach(entry -> {
                String[] nameAndValue = entry.asText().split("=", 2);
                variables.put(nameAndValue[0], nameAndValue.length == 2 ? nameAndValue[1] : "");
            });
        } else {
            environment
                    .fields()
                    .forEachRemaining(entry ->
                            variables.put(entry.getKey(), entry.getValue().asText()));
        }
        return variables;
    }

    /** The ports the service publishes, as container ports, from the short ({@code [ip:]host:container}) or long form. */
    List<Integer> containerPorts(String service) {
        List<Integer> ports = new ArrayList<>();
        service(service).path("ports").forEach(port -> {
            if (port.isObject()) {
                ports.add(port.path("target").asInt());
            } else {
                String spec = port.asText().replaceFirst("/(tcp|udp)$", "");
                ports.add(Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1)));
            }
        });
        return ports;
    }

    /** The health check's command as one string, if the service has one that is not disabled. */
    Optional<String> healthCheck(String service) {
        JsonNode healthCheck = service(service).path("healthcheck");
        if (healthCheck.isMissingNode() || healthCheck.path("disable").asBoolean(false)) {
            return Optional.empty();
        }
        JsonNode test = healthCheck.path("test");
        if (!test.isArray()) {
            return Optional.of(test.asText());
        }
        List<String> words = new ArrayList<>();
        test.forEach(word -> words.add(word.asText()));
        if (words.isEmpty() || words.get(0).equals("NONE")) {
            return Optional.empty();
        }
        return Optional.of(String.join(" ", words.subList(1, words.size())));
    }

    /** The services this one waits for, with the condition ({@code service_started} for the list form). */
    Map<String, String> dependsOn(String service) {
        JsonNode dependsOn = service(service).path("depends_on");
        Map<String, String> conditions = new LinkedHashMap<>();
        if (dependsOn.isArray()) {
            dependsOn.forEach(name -> conditions.put(name.asText(), "service_started"));
        } else {
            dependsOn
                    .fields()
                    .forEachRemaining(entry -> conditions.put(
                            entry.getKey(), entry.getValue().path("condition").asText("service_started")));
        }
        return conditions;
    }

    /** The command, with an entrypoint override in front of it, as one string. */
    String commandLine(String service) {
        List<String> words = new ArrayList<>();
        for (String key : List.of("entrypoint", "command")) {
            JsonNode part = service(service).path(key);
            if (part.isArray()) {
                part.forEach(word -> words.add(word.asText()));
            } else if (!part.isMissingNode()) {
                words.add(part.asText());
            }
        }
        return String.join(" ", words);
    }

    /** Where each secret the service uses is mounted: {@code /run/secrets/<name>} unless a target says otherwise. */
    Map<String, String> secretMounts(String service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        service(service).path("secrets").forEach(secret -> {
            String name = secret.isObject() ? secret.path("source").asText() : secret.asText();
            String target = secret.path("target").asText(name);
            mounts.put(name, target.startsWith("/") ? target : SECRETS_DIRECTORY + target);
        });
        return mounts;
    }

    /** The file a top-level secret is read from, as written. */
    Optional<String> secretFile(String secret) {
        JsonNode file = root.path("secrets").path(secret).path("file");
        return file.isMissingNode() ? Optional.empty() : Optional.of(file.asText());
    }

    /** The service's bind mounts of paths relative to the Compose file: container path by host path, as written. */
    Map<String, String> relativeBindMounts(String service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        service(service).path("volumes").forEach(volume -> {
            String source = volume.isObject()
                    ? volume.path("source").asText()
                    : volume.asText().split(":")[0];
            String target = volume.isObject()
                    ? volume.path("target").asText()
                    : volume.asText().split(":")[1];
            if (source.startsWith("./") || source.startsWith("../")) {
                mounts.put(source, target);
            }
        });
        return mounts;
    }

    /** Every top-level secret's file, as written. */
    List<String> secretFiles() {
        List<String> files = new ArrayList<>();
        root.path("secrets").forEach(secret -> {
            if (secret.has("file")) {
                files.add(secret.path("file").asText());
            }
        });
        return files;
    }

    /** {@code value} with each {@code ${NAME:-default}} replaced by its default: what Compose uses when NAME is unset. */
    static String withDefaults(String value) {
        return VARIABLE_WITH_DEFAULT.matcher(value).replaceAll(match -> Matcher.quoteReplacement(match.group(2)));
    }

    /** Whether {@code value} is exactly one variable with a default, such as {@code ${DB_PASSWORD:-local}}. */
    static boolean isVariableWithDefault(String value) {
        return VARIABLE_WITH_DEFAULT.matcher(value).matches();
    }
}
