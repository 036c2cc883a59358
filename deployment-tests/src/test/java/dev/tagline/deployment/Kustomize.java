package dev.tagline.deployment;

import dev.tagline.testkit.ExternalCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Renders a kustomization as {@code kubectl apply -k} would, with the {@code kubectl} (or else {@code kustomize}) on
 * the PATH. Without either the manifests cannot be checked, so rendering fails rather than letting a check pass.
 */
final class Kustomize {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private Kustomize() {}

    static String build(Path kustomization) {
        return build(kustomization, System.getenv().getOrDefault("PATH", ""));
    }

    /** Renders with the programs found on {@code searchPath}, a PATH-style list of directories. */
    static String build(Path kustomization, String searchPath) {
        return ExternalCommand.output(command(kustomization, searchPath), TIMEOUT);
    }

    private static List<String> command(Path kustomization, String searchPath) {
        String directory = kustomization.toString();
        Optional<Path> kubectl = ExternalCommand.find("kubectl", searchPath);
        if (kubectl.isPresent()) {
            return List.of(kubectl.get().toString(), "kustomize", directory);
        }
        Optional<Path> kustomize = ExternalCommand.find("kustomize", searchPath);
        if (kustomize.isPresent()) {
            return List.of(kustomize.get().toString(), "build", directory);
        }
        throw new IllegalStateException("Neither kubectl nor kustomize is on the PATH (" + searchPath
                + "), so the Kubernetes manifests in k8s/ cannot be rendered and checked. Install kubectl 1.27 or later"
                + " (it includes kustomize v5), or kustomize v5.");
    }
}
