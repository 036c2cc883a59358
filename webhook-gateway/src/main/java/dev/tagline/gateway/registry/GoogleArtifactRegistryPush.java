package dev.tagline.gateway.registry;

import dev.tagline.events.reference.ImageReference;
import dev.tagline.gateway.domain.InvalidPayloadException;
import dev.tagline.gateway.domain.Observation;
import dev.tagline.gateway.domain.Provenance;
import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.TagDeleted;
import dev.tagline.gateway.domain.TagPushed;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Google Artifact Registry notifications (Pub/Sub topic {@code gcr}) delivered by a Pub/Sub push subscription: the
 * notification is base64 JSON in {@code message.data}, naming the full {@code digest} and {@code tag} references
 * with action {@code INSERT} or {@code DELETE}. An insert without a tag concerns no tag. Pub/Sub's
 * {@code messageId} stays the same across its redeliveries and becomes the event id.
 */
public final class GoogleArtifactRegistryPush implements WebhookFormat {

    public static final String NAME = "gar";

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
        PayloadField message = PayloadJson.parse(delivery.body()).get("message");
        PayloadField notification = decoded(message.get("data"));
        String action = notification.get("action").text();
        PayloadField tagField = notification.get("tag");
        PayloadField digestField = notification.get("digest");
        if (!action.equals("INSERT") && !action.equals("DELETE") || action.equals("INSERT") && tagField.isAbsent()) {
            return new Reading(List.of(), 1);
        }
        Optional<ImageReference> tagged =
                tagField.optionalText().map(text -> ImageNames.reference(text, tagField.path()));
        Optional<ImageReference> pinned =
                digestField.optionalText().map(text -> ImageNames.reference(text, digestField.path()));
        if (tagged.isEmpty() && pinned.isEmpty()) {
            throw notification.invalid("names neither a tag nor a digest");
        }
        ImageReference named = tagged.orElseGet(pinned::get);
        if (tagged.isPresent() && tagged.get().tag() == null) {
            throw tagField.invalid("must name a tag: registry/repository:tag");
        }
        if (pinned.isPresent() && pinned.get().digest() == null) {
            throw digestField.invalid("must name a digest: registry/repository@sha256:…");
        }
        if (tagged.isPresent()
                && pinned.isPresent()
                && !tagged.get().name().equals(pinned.get().name())) {
            throw digestField.invalid("names another repository than " + tagField.path());
        }
        RegistryRepository repository = ImageNames.repository(
                delivery.registry(named::registry),
                named.repository(),
                (tagged.isPresent() ? tagField : digestField).path());
        String digest = pinned.map(reference -> reference.digest().toString()).orElse(null);
        String id = message.get("messageId").isAbsent()
                ? message.get("message_id").eventId()
                : message.get("messageId").eventId();
        PayloadField published =
                message.get("publishTime").isAbsent() ? message.get("publish_time") : message.get("publishTime");
        Provenance provenance =
                new Provenance(id, id, published.optionalTimestamp().orElse(delivery.receivedAt()), null);
        Observation observation;
        if (action.equals("DELETE")) {
            observation = new TagDeleted(
                    provenance, repository, tagged.map(ImageReference::tag).orElse(null), digest);
        } else {
            if (digest == null) {
                throw digestField.invalid("is missing; an INSERT names the digest it tagged");
            }
            observation = new TagPushed(
                    provenance,
                    repository,
                    tagged.get().tag(),
                    digest,
                    null,
                    null,
                    List.of(),
                    delivery.manifestUrl(repository, digest));
        }
        return new Reading(List.of(observation), 0);
    }

    private static PayloadField decoded(PayloadField data) {
        byte[] json;
        try {
            json = Base64.getDecoder().decode(data.text());
        } catch (IllegalArgumentException e) {
            throw new InvalidPayloadException(data.path(), data.path() + " is not base64");
        }
        return PayloadJson.parse(json, data.path());
    }
}
