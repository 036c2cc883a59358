package dev.tagline.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What the pods of rendered Deployments get: their container, ports, environment, volumes and Secrets. */
final class PodTemplates {

    /** Where the tag, import and trigger services read API tokens from, when given. */
    static final String TOKEN_FILE_VARIABLE = "TAGLINE_ACCESS_TOKEN_FILE";

    private PodTemplates() {}

    /** The one container each Tagline pod runs. */
    static Container container(Deployment deployment) {
        List<Container> containers =
                deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers)
                .as(deployment.getMetadata().getName() + " containers")
                .hasSize(1);
        return containers.get(0);
    }

    /** A port as a number, resolving a port name through the container's ports as the kubelet does. */
    static int port(IntOrString port, Container container) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream()
                .filter(candidate -> port.getStrVal().equals(candidate.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + port.getStrVal()));
    }

    /** The variables a container gets from its env values and the ConfigMaps it takes whole, with their values. */
    static Map<String, String> environment(RenderedManifests manifests, Container container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                ConfigMap configMap =
                        manifests.configMap(source.getConfigMapRef().getName());
                String prefix = source.getPrefix() == null ? "" : source.getPrefix();
                configMap.getData().forEach((key, value) -> environment.put(prefix + key, value));
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                var reference = variable.getValueFrom().getConfigMapKeyRef();
                Map<String, String> data =
                        manifests.configMap(reference.getName()).getData();
                assertThat(data)
                        .as(container.getName() + " " + variable.getName() + " from ConfigMap " + reference.getName())
                        .containsKey(reference.getKey());
                environment.put(variable.getName(), data.get(reference.getKey()));
            } else if (variable.getValueFrom() == null) {
                environment.put(variable.getName(), variable.getValue());
            }
        }
        return environment;
    }

    /** The names of every variable a container is given, from ConfigMaps, values and Secrets alike. */
    static Set<String> variableNames(RenderedManifests manifests, Container container) {
        Set<String> names = new TreeSet<>(environment(manifests, container).keySet());
        container.getEnv().forEach(variable -> names.add(variable.getName()));
        return names;
    }

    /** Each Secret the Deployments use, with the keys they need from it. */
    static Map<String, Set<String>> secretKeysReferenced(RenderedManifests manifests) {
        Map<String, Set<String>> keys = new TreeMap<>();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (Container container : pod.getContainers()) {
                container.getEnvFrom().stream()
                        .filter(source -> source.getSecretRef() != null)
                        .forEach(source ->
                                keys.computeIfAbsent(source.getSecretRef().getName(), name -> new TreeSet<>()));
                container.getEnv().stream()
                        .filter(variable -> variable.getValueFrom() != null
                                && variable.getValueFrom().getSecretKeyRef() != null)
                        .map(variable -> variable.getValueFrom().getSecretKeyRef())
                        .forEach(reference -> keys.computeIfAbsent(reference.getName(), name -> new TreeSet<>())
                                .add(reference.getKey()));
                String tokenFile = environment(manifests, container).get(TOKEN_FILE_VARIABLE);
                if (tokenFile != null) {
                    String secret = secretHolding(deployment, tokenFile)
                            .orElseThrow(() -> new AssertionError(
                                    deployment.getMetadata().getName() + " mounts no Secret at " + tokenFile));
                    keys.computeIfAbsent(secret, name -> new TreeSet<>())
                            .add(Path.of(tokenFile).getFileName().toString());
                }
            }
            pod.getVolumes().stream()
                    .filter(volume -> volume.getSecret() != null)
                    .forEach(volume ->
                            keys.computeIfAbsent(volume.getSecret().getSecretName(), name -> new TreeSet<>()));
        }
        return keys;
    }

    /** The Secret mounted as the directory a file lies in, if any. */
    static Optional<String> secretHolding(Deployment deployment, String file) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        String directory = Path.of(file).getParent().toString();
        return container(deployment).getVolumeMounts().stream()
                .filter(mount -> Path.of(mount.getMountPath()).toString().equals(directory))
                .map(mount -> volume(pod, mount.getName()))
                .filter(volume -> volume.getSecret() != null)
                .map(volume -> volume.getSecret().getSecretName())
                .findFirst();
    }

    /** The pod's volume of that name. */
    static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream()
                .filter(volume -> volume.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No volume " + name));
    }
}
