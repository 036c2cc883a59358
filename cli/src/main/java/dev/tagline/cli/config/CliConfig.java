package dev.tagline.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The config file's content: named contexts and which one is current, as kubeconfig has them. */
public record CliConfig(@JsonProperty("current-context") String currentContextName, List<Context> contexts) {

    public CliConfig {
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
    }

    static CliConfig empty() {
        return new CliConfig(null, List.of());
    }

    public Optional<Context> context(String name) {
        return contexts.stream().filter(context -> context.name().equals(name)).findFirst();
    }

    public Optional<Context> currentContext() {
        return currentContextName == null ? Optional.empty() : context(currentContextName);
    }

    /** This config with {@code context} added, or replacing the one of its name. */
    public CliConfig with(Context context) {
        List<Context> updated = new ArrayList<>(
                contexts.stream().filter(c -> !c.name().equals(context.name())).toList());
        updated.add(context);
        return new CliConfig(currentContextName, updated);
    }

    public CliConfig using(String contextName) {
        return new CliConfig(contextName, contexts);
    }
}
