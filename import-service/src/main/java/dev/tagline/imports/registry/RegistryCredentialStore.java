package dev.tagline.imports.registry;

import dev.tagline.imports.config.ImportsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials configured per registry ({@code tagline.imports.registries."<registry>".username} and
 * {@code .password}), keyed by the registry as references name it: {@code quay.io}, {@code 127.0.0.1:5000}.
 */
@ApplicationScoped
public class RegistryCredentialStore {

    private final Map<String, RegistryCredentials> byRegistry = new HashMap<>();

    public RegistryCredentialStore(ImportsConfig config) {
        config.registries().forEach((registry, settings) -> {
            if (settings.username().isPresent() != settings.password().isPresent()) {
                throw new IllegalArgumentException(
                        "tagline.imports.registries.\"" + registry + "\" needs both a username and a password");
            }
            settings.username()
                    .ifPresent(username -> byRegistry.put(
                            registry.toLowerCase(Locale.ROOT),
                            new RegistryCredentials(
                                    username, settings.password().orElseThrow().reveal())));
        });
    }

    public Optional<RegistryCredentials> forRegistry(String registry) {
        return Optional.ofNullable(byRegistry.get(registry.toLowerCase(Locale.ROOT)));
    }
}
