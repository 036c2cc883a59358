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
 * Amazon ECR's {@code ECR Image Action} events, delivered by an EventBridge API destination: a successful
 * {@code PUSH} with an image tag is a change, a {@code DELETE} names a tag or a manifest. The registry host is
 * the account's, {@code <account>.dkr.ecr.<region>.amazonaws.com}. Failed actions, untagged pushes and other
 * detail types (scans, replication, pull-through cache) concern no tag. The EventBridge event id stays the same
 * across EventBridge's retries and becomes the event id.
 */
public final class EcrEventBridge implements WebhookFormat {

    public static final String NAME = "ecr";
    private static final String IMAGE_ACTION = "ECR Image Action";

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
        PayloadField detail = event.get("detail");
        if (!IMAGE_ACTION.equals(event.get("detail-type").text())
                || !"SUCCESS".equals(detail.get("result").text())) {
            return new Reading(List.of(), 1);
        }
        String action = detail.get("action-type").text();
        Optional<String> tag = ImageNames.optionalTag(detail.get("image-tag"));
        if (!action.equals("PUSH") && !action.equals("DELETE") || action.equals("PUSH") && tag.isEmpty()) {
            return new Reading(List.of(), 1);
        }
        RegistryRepository repository =
                ImageNames.repository(delivery.registry(() -> accountRegistry(event)), detail.get("repository-name"));
        String id = event.get("id").eventId();
        Provenance provenance =
                new Provenance(id, id, event.get("time").optionalTimestamp().orElse(delivery.receivedAt()), null);
        Observation observation;
        if (action.equals("PUSH")) {
            String digest = ImageNames.digest(detail.get("image-digest"));
            observation = new TagPushed(
                    provenance,
                    repository,
                    tag.get(),
                    digest,
                    detail.get("manifest-media-type").optionalText().orElse(null),
                    null,
                    List.of(),
                    delivery.manifestUrl(repository, digest));
        } else {
            Optional<String> digest = ImageNames.optionalDigest(detail.get("image-digest"));
            if (tag.isEmpty() && digest.isEmpty()) {
                throw detail.invalid("names neither an image tag nor an image digest");
            }
            observation = new TagDeleted(provenance, repository, tag.orElse(null), digest.orElse(null));
        }
        return new Reading(List.of(observation), 0);
    }

    private static String accountRegistry(PayloadField event) {
        PayloadField account = event.get("account");
        return ImageNames.host(
                account.text() + ".dkr.ecr." + event.get("region").text() + ".amazonaws.com", account.path());
    }
}
