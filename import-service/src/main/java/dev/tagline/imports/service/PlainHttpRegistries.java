package dev.tagline.imports.service;

import com.google.common.net.HostAndPort;
import dev.tagline.imports.config.ImportsConfig;
import dev.tagline.imports.config.PlainHttpRegistry;
import dev.tagline.imports.store.FollowerRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether an image's signatures may be read over plain HTTP. A signature check names no tag, so no {@code insecure}
 * flag comes with it: a registry listed in {@code tagline.imports.signatures.insecure-registries} is read so, and so
 * is a repository in which some stream tag follows a source it marks insecure (as an {@code import.requested} would
 * be read). Anything else is HTTPS with verified certificates.
 */
@ApplicationScoped
public class PlainHttpRegistries {

    private final Set<String> listed;
    private final FollowerRepository followers;

    public PlainHttpRegistries(ImportsConfig config, FollowerRepository followers) {
        this.listed = config.signatures().insecureRegistries().orElse(List.of()).stream()
                .map(PlainHttpRegistry::entry)
                .collect(Collectors.toUnmodifiableSet());
        this.followers = followers;
    }

    /** Runs in the caller's session. */
    public Uni<Boolean> allowed(String registry, String repository) {
        if (lists(listed, registry)) {
            return Uni.createFrom().item(true);
        }
        return followers.anyInsecureInRepository(registry, repository);
    }

    /** @param listed entries as {@link PlainHttpRegistry} reads them */
    static boolean lists(Set<String> listed, String registry) {
        String name = registry.toLowerCase(Locale.ROOT);
        return listed.contains(name)
                || listed.contains(HostAndPort.fromString(name).getHost());
    }
}
