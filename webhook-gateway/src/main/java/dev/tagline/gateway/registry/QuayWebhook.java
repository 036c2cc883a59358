package dev.tagline.gateway.registry;

import dev.tagline.events.reference.ImageReference;
import dev.tagline.gateway.domain.EventIds;
import dev.tagline.gateway.domain.Observation;
import dev.tagline.gateway.domain.Provenance;
import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.TagNamed;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Quay's {@code repo_push} notification: the repository's {@code docker_url} and the tags the push updated,
 * without digests, so each tag becomes an import request. Quay's other notifications (builds, vulnerabilities)
 * carry no {@code updated_tags} and concern no tag. The payload has neither an id nor a time, so each delivery
 * gets its own id.
 */
public final class QuayWebhook implements WebhookFormat {

    public static final String NAME = "quay";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of(MediaTypes.JSON);
    }

    @Override
    public Reading read(Delivery delivery) {
        PayloadField root = PayloadJson.parse(delivery.body());
        PayloadField updatedTags = root.get("updated_tags");
        if (updatedTags.isAbsent()) {
            return new Reading(List.of(), 1);
        }
        PayloadField dockerUrl = root.get("docker_url");
        ImageReference named = ImageNames.reference(dockerUrl);
        RegistryRepository repository =
                ImageNames.repository(delivery.registry(named::registry), named.repository(), dockerUrl.path());
        List<Observation> observations = new ArrayList<>();
        for (PayloadField tag : updatedTags.elements()) {
            observations.add(new TagNamed(
                    new Provenance(EventIds.unique(), null, delivery.receivedAt(), null),
                    repository,
                    ImageNames.tag(tag)));
        }
        return new Reading(observations, 0);
    }
}
