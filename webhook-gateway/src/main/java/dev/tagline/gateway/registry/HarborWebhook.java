package dev.tagline.gateway.registry;

import dev.tagline.gateway.domain.EventIds;
import dev.tagline.gateway.domain.Observation;
import dev.tagline.gateway.domain.Provenance;
import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.TagDeleted;
import dev.tagline.gateway.domain.TagPushed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Harbor's webhooks in its default payload format: {@code PUSH_ARTIFACT} lists the pushed artifact per tag,
 * {@code DELETE_ARTIFACT} the deleted one. Harbor gives no event id, so the id is derived from the event's type,
 * time and resource. Every other event type (pulls, scans, quotas, replication) concerns no tag.
 */
public final class HarborWebhook implements WebhookFormat {

    public static final String NAME = "harbor";
    private static final String PUSH = "PUSH_ARTIFACT";
    private static final String DELETE = "DELETE_ARTIFACT";

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
        String type = root.get("type").text();
        if (!type.equals(PUSH) && !type.equals(DELETE)) {
            return new Reading(List.of(), 1);
        }
        PayloadField data = root.get("event_data");
        Instant occurredAt = root.get("occur_at").optionalEpochSeconds().orElse(delivery.receivedAt());
        String actor = root.get("operator").optionalText().orElse(null);
        String repositoryPath = data.get("repository").get("repo_full_name").text();
        List<Observation> observations = new ArrayList<>();
        int ignored = 0;
        for (PayloadField resource : data.get("resources").elements()) {
            RegistryRepository repository = ImageNames.repository(
                    delivery.registry(() ->
                            ImageNames.reference(resource.get("resource_url")).registry()),
                    repositoryPath,
                    data.get("repository").get("repo_full_name").path());
            String digest = ImageNames.digest(resource.get("digest"));
            Optional<String> tag = tagOf(resource.get("tag"));
            Provenance provenance = new Provenance(
                    EventIds.derived(
                            NAME,
                            type,
                            root.get("occur_at").isAbsent() ? null : occurredAt.toString(),
                            repository.registry(),
                            repository.repository(),
                            tag.orElse(null),
                            digest),
                    null,
                    occurredAt,
                    actor);
            if (type.equals(DELETE)) {
                observations.add(new TagDeleted(provenance, repository, tag.orElse(null), digest));
            } else if (tag.isPresent()) {
                observations.add(new TagPushed(provenance, repository, tag.get(), digest, null, null, List.of(), null));
            } else {
                ignored++;
            }
        }
        return new Reading(observations, ignored);
    }

    /** An artifact pushed by digest alone carries its digest, or nothing, where a tag would be. */
    private static Optional<String> tagOf(PayloadField tag) {
        Optional<String> text = tag.optionalText();
        return text.isPresent() && text.get().contains(":") ? Optional.empty() : ImageNames.optionalTag(tag);
    }
}
