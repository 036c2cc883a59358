package dev.tagline.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The resources one kustomization of {@code k8s/} renders to, parsed strictly, with look-ups by kind and name. */
record RenderedManifests(String kustomization, List<HasMetadata> resources) {

    /** Renders {@code k8s/<kustomization>} ("base", "overlays/prod") of the repository. */
    static RenderedManifests render(Path root, String kustomization) {
        String yaml = Kustomize.build(root.resolve("k8s").resolve(kustomization));
        try {
            return new RenderedManifests(kustomization, List.copyOf(StrictManifests.parse(yaml)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "k8s/" + kustomization + " renders an invalid manifest: " + e.getMessage(), e);
        }
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream()
                .filter(resource -> resource.getMetadata().getName().equals(name))
                .findFirst();
    }

    <T extends HasMetadata> T get(Class<T> kind, String name) {
        return find(kind, name)
                .orElseThrow(() -> new NoSuchElementException(
                        "k8s/" + kustomization + " renders no " + kind.getSimpleName() + " " + name));
    }

    Deployment deployment(TaglineService service) {
        return get(Deployment.class, service.module());
    }

    Service service(TaglineService service) {
        return get(Service.class, service.module());
    }

    ConfigMap configMap(String name) {
        return get(ConfigMap.class, name);
    }
}
