package dev.tagline.gateway.registry;

import dev.tagline.gateway.domain.EventIds;
import dev.tagline.gateway.domain.Provenance;
import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.TagNamed;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Docker Hub's push webhook: {@code push_data} names the tag and who pushed, {@code repository.repo_name} the
 * repository, but no digest, so the push becomes an import request. Docker Hub gives no event id; the id is
 * derived from the repository, tag and push time.
 */
public final class DockerHubWebhook implements WebhookFormat {

    public static final String NAME = "dockerhub";
    private static final String DOCKER_HUB = "docker.io";

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
        PayloadField push = root.get("push_data");
        RegistryRepository repository = ImageNames.repository(
                delivery.registry(() -> DOCKER_HUB), root.get("repository").get("repo_name"));
        String tag = ImageNames.tag(push.get("tag"));
        Instant pushedAt = push.get("pushed_at").optionalEpochSeconds().orElse(null);
        // Without a push time two pushes of the tag would look alike, so such a delivery gets an id of its own.
        String id = pushedAt == null
                ? EventIds.unique()
                : EventIds.derived(
                        NAME,
                        root.get("callback_url").optionalText().orElse(null),
                        repository.repository(),
                        tag,
                        pushedAt.toString());
        Provenance provenance = new Provenance(
                id,
                null,
                pushedAt == null ? delivery.receivedAt() : pushedAt,
                push.get("pusher").optionalText().orElse(null));
        return new Reading(List.of(new TagNamed(provenance, repository, tag)), 0);
    }
}
