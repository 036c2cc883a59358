package dev.tagline.deployment;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * One Tagline service as its packaged build describes it: the HTTP port it listens on, the Kafka topics it reads or
 * writes (dead-letter topics included) and the configuration it reads, as environment-variable patterns.
 */
public record TaglineService(String module, int httpPort, Set<String> topics, Set<Pattern> environmentVariables) {

    /** Health endpoints every service serves on its HTTP port (Quarkus SmallRye Health). */
    public static final String READINESS_PATH = "/q/health/ready";

    public static final String LIVENESS_PATH = "/q/health/live";

    /** The container image a deployment runs this service from, without a tag. */
    public String image() {
        return "tagline/" + module;
    }

    /**
     * Whether setting {@code name} in the environment configures this service: it names a property of the service's
     * own configuration, of its {@code application.properties}, or of a framework extension it packages.
     */
    public boolean readsEnvironmentVariable(String name) {
        return environmentVariables.stream()
                .anyMatch(pattern -> pattern.matcher(name).matches());
    }
}
