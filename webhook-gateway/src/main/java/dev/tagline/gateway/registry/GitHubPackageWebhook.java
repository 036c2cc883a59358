package dev.tagline.gateway.registry;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.gateway.auth.GitHubSignature;
import dev.tagline.gateway.auth.SignatureScheme;
import dev.tagline.gateway.domain.EventIds;
import dev.tagline.gateway.domain.Provenance;
import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.TagPushed;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * GitHub's {@code package} webhook (and the older {@code registry_package}) for container packages on ghcr.io:
 * a published or updated version names its tag and digest. Versions without a tag, other package types, pings
 * and other events concern no tag. The delivery's {@code X-GitHub-Delivery} id becomes the event id.
 */
public final class GitHubPackageWebhook implements WebhookFormat {

    public static final String NAME = "github";
    static final String EVENT_HEADER = "X-GitHub-Event";
    static final String DELIVERY_HEADER = "X-GitHub-Delivery";
    private static final String GHCR = "ghcr.io";
    private static final Set<String> PACKAGE_EVENTS = Set.of("package", "registry_package");
    private static final Set<String> VERSION_ACTIONS = Set.of("published", "updated");
    private static final GitHubSignature SIGNATURE = new GitHubSignature();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of(MediaTypes.JSON);
    }

    @Override
    public Optional<SignatureScheme> signatureScheme() {
        return Optional.of(SIGNATURE);
    }

    @Override
    public Reading read(Delivery delivery) {
        String event = delivery.header(EVENT_HEADER);
        PayloadField root = PayloadJson.parse(delivery.body());
        if (event == null || !PACKAGE_EVENTS.contains(event)) {
            return ignored();
        }
        PayloadField pkg = root.get(event);
        if (!VERSION_ACTIONS.contains(root.get("action").text())
                || !"container".equals(pkg.get("package_type").text().toLowerCase(Locale.ROOT))) {
            return ignored();
        }
        PayloadField version = pkg.get("package_version");
        PayloadField tagged = version.get("container_metadata").get("tag");
        Optional<String> tag = ImageNames.optionalTag(tagged.get("name"));
        if (tag.isEmpty()) {
            return ignored();
        }
        String digest = ImageNames.digest(tagged.get("digest"));
        PayloadField owner = pkg.get("namespace").isAbsent() ? pkg.get("owner").get("login") : pkg.get("namespace");
        // ghcr.io names are the owner and package name in lowercase.
        RegistryRepository repository = ImageNames.repository(
                delivery.registry(() -> GHCR),
                (owner.text() + "/" + pkg.get("name").text()).toLowerCase(Locale.ROOT),
                pkg.get("name").path());
        String deliveryId = delivery.header(DELIVERY_HEADER);
        String id = deliveryId == null
                ? EventIds.derived(NAME, version.get("id").scalarText(), repository.repository(), tag.get(), digest)
                : EventIdentifiers.check(deliveryId, DELIVERY_HEADER, CloudEventHeaders.MAX_IDENTIFIER_LENGTH);
        Provenance provenance = new Provenance(
                id,
                deliveryId,
                version.get("updated_at").optionalTimestamp().orElse(delivery.receivedAt()),
                root.get("sender").get("login").optionalText().orElse(null));
        return new Reading(
                List.of(new TagPushed(provenance, repository, tag.get(), digest, null, null, List.of(), null)), 0);
    }

    private static Reading ignored() {
        return new Reading(List.of(), 1);
    }
}
