package dev.tagline.deployment;

import dev.tagline.testkit.TaglineStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The four Tagline services, read from their packaged builds under the repository root ({@code -Dtagline.root},
 * which the build sets), so that deployment files are checked against what the services really read.
 */
public final class ServiceCatalog {

    public static final List<String> MODULES = Arrays.stream(TaglineStack.Service.values())
            .map(TaglineStack.Service::module)
            .toList();

    private final List<TaglineService> services;

    private ServiceCatalog(List<TaglineService> services) {
        this.services = services;
    }

    public static ServiceCatalog read() {
        return read(repositoryRoot());
    }

    public static ServiceCatalog read(Path root) {
        return new ServiceCatalog(MODULES.stream()
                .map(module -> PackagedService.open(root.resolve(module)).describe())
                .toList());
    }

    /** The repository root: where docker-compose.yml and k8s/ live. */
    public static Path repositoryRoot() {
        Path root = Path.of(System.getProperty("tagline.root", ".."))
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("tag-service"))) {
            throw new IllegalStateException("Not the Tagline repository root: " + root + " (set -Dtagline.root)");
        }
        return root;
    }

    public List<TaglineService> services() {
        return services;
    }

    public TaglineService service(String module) {
        return services.stream()
                .filter(service -> service.module().equals(module))
                .findFirst()
                .orElseThrow(
                        () -> new NoSuchElementException("No Tagline service " + module + "; there are " + MODULES));
    }

    /** Every topic some service reads or writes. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        services.forEach(service -> topics.addAll(service.topics()));
        return topics;
    }
}
