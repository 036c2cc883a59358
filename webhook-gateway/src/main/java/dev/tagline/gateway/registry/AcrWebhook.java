package dev.tagline.gateway.registry;

import dev.tagline.gateway.domain.Observation;
import dev.tagline.gateway.domain.Provenance;
import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.TagDeleted;
import dev.tagline.gateway.domain.TagPushed;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Azure Container Registry webhooks: one event per request, shaped like a Distribution event. A {@code push} with a
 * tag is a change, a {@code delete} names a tag or a manifest; chart events, quarantine, pings and untagged
 * pushes concern no tag. {@code request.host} names the registry.
 */
public final class AcrWebhook implements WebhookFormat {

    public static final String NAME = "acr";

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
        PayloadField event = PayloadJson.parse(delivery.body());
        String action = event.get("action").text();
        Optional<Observation> observation = switch (action) {
            case "push" -> pushed(event, delivery);
            case "delete" -> Optional.of(deleted(event, delivery));
            default -> Optional.empty();
        };
        return observation.map(o -> new Reading(List.of(o), 0)).orElseGet(() -> new Reading(List.of(), 1));
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
                delivery.manifestUrl(repository, digest)));
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
        return ImageNames.repository(
                delivery.registry(event.get("request").get("host")),
                event.get("target").get("repository"));
    }

    private static Provenance provenance(PayloadField event, Delivery delivery) {
        String id = event.get("id").eventId();
        return new Provenance(id, id, event.get("timestamp").optionalTimestamp().orElse(delivery.receivedAt()), null);
    }
}
