package dev.tagline.gateway.registry;

import dev.tagline.gateway.domain.Observation;
import dev.tagline.gateway.domain.Provenance;
import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.TagDeleted;
import dev.tagline.gateway.domain.TagPushed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Notifications of the Docker Distribution registry, which GitLab's and most self-hosted registries send too: an
 * envelope of events. A push of a manifest with a tag is a change; blobs, pulls, mounts and manifests pushed by
 * digest alone (the children of an index) concern no tag. A manifest deleted by digest is followed by one delete
 * per tag that pointed at it.
 */
public final class DistributionNotifications implements WebhookFormat {

    public static final String NAME = "distribution";
    static final String ENVELOPE = "application/vnd.docker.distribution.events.v1+json";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of(ENVELOPE, MediaTypes.JSON);
    }

    @Override
    public Reading read(Delivery delivery) {
        List<Observation> observations = new ArrayList<>();
        int ignored = 0;
        for (PayloadField event :
                PayloadJson.parse(delivery.body()).get("events").elements()) {
            Optional<Observation> observation = switch (event.get("action").text()) {
                case "push" -> pushed(event, delivery);
                case "delete" -> Optional.of(deleted(event, delivery));
                default -> Optional.empty();
            };
            if (observation.isPresent()) {
                observations.add(observation.get());
            } else {
                ignored++;
            }
        }
        return new Reading(observations, ignored);
    }

    private static Optional<Observation> pushed(PayloadField event, Delivery delivery) {
        PayloadField target = event.get("target");
        Optional<String> tag = ImageNames.optionalTag(target.get("tag"));
        if (tag.isEmpty()) {
            return Optional.empty();
        }
        RegistryRepository repository = repository(event, delivery);
        String digest = ImageNames.digest(target.get("digest"));
        return Optional.of(new TagPushed(
                provenance(event, delivery),
                repository,
                tag.get(),
                digest,
                target.get("mediaType").optionalText().orElse(null),
                target.get("size").optionalSize().orElse(null),
                List.of(),
                delivery.manifestUrl(repository, digest, target.get("url"))));
    }

    private static Observation deleted(PayloadField event, Delivery delivery) {
        PayloadField target = event.get("target");
        Optional<String> tag = ImageNames.optionalTag(target.get("tag"));
        Optional<String> digest = ImageNames.optionalDigest(target.get("digest"));
        if (tag.isEmpty() && digest.isEmpty()) {
            throw target.invalid("names neither a tag nor a digest");
        }
        return new TagDeleted(
                provenance(event, delivery), repository(event, delivery), tag.orElse(null), digest.orElse(null));
    }

    private static RegistryRepository repository(PayloadField event, Delivery delivery) {
        String registry = delivery.registry(event.get("request").get("host"));
        return ImageNames.repository(registry, event.get("target").get("repository"));
    }

    private static Provenance provenance(PayloadField event, Delivery delivery) {
        String id = event.get("id").eventId();
        return new Provenance(
                id,
                id,
                event.get("timestamp").optionalTimestamp().orElse(delivery.receivedAt()),
                event.get("actor").get("name").optionalText().orElse(null));
    }
}
