package dev.tagline.tags.domain;

import dev.tagline.events.StreamTagRef;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.events.reference.ResourceNames;
import dev.tagline.tags.config.TagsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Registries that belong to Tagline, as OpenShift's own registry does: a push of {@code host/ns/name:tag}
 * there is tag {@code tag} of image stream {@code ns/name}.
 */
@ApplicationScoped
public class IntegratedRegistries {

    private final Set<String> hosts;

    public IntegratedRegistries(TagsConfig config) {
        this.hosts = Set.copyOf(config.integratedRegistries().orElse(Set.of()));
    }

    /** The stream tag a push to the source is, empty when the source is not in an integrated registry. */
    public Optional<StreamTagRef> streamTagOf(ImageReference source) {
        if (!hosts.contains(source.registry()) || source.tag() == null) {
            return Optional.empty();
        }
        String[] path = source.repository().split("/");
        if (path.length != 2
                || ResourceNames.dns1123LabelProblem(path[0]).isPresent()
                || ResourceNames.dns1123LabelProblem(path[1]).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new StreamTagRef(path[0], path[1], source.tag()));
    }
}
