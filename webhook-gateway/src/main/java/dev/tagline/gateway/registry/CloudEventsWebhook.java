package dev.tagline.gateway.registry;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.Platform;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.gateway.auth.SignatureScheme;
import dev.tagline.gateway.auth.StandardWebhooksSignature;
import dev.tagline.gateway.domain.InvalidPayloadException;
import dev.tagline.gateway.domain.Observation;
import dev.tagline.gateway.domain.Provenance;
import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.TagDeleted;
import dev.tagline.gateway.domain.TagNamed;
import dev.tagline.gateway.domain.TagPushed;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Generic CloudEvents 1.0 over HTTP, for any system that can say "this tag now points at this digest":
 * structured ({@code application/cloudevents+json}), batched ({@code application/cloudevents-batch+json}) or binary
 * ({@code ce-*} headers with a JSON body). The data names a {@code reference} ({@code registry/repository:tag},
 * optionally {@code @digest}), a {@code digest}, and optionally {@code action} ({@code push}, the default, or
 * {@code delete}), {@code mediaType}, {@code size}, {@code platforms} and {@code actor}. A push without a digest
 * becomes an import request. The event's own {@code id} becomes the event id. Signed as Standard Webhooks.
 */
public final class CloudEventsWebhook implements WebhookFormat {

    public static final String NAME = "cloudevents";
    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";
    private static final String SPEC_VERSION = "1.0";
    private static final StandardWebhooksSignature SIGNATURE = new StandardWebhooksSignature();

    /** The context attributes that identify an event and date it. */
    private record Attributes(String id, Instant time) {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of(STRUCTURED, BATCH, MediaTypes.JSON);
    }

    @Override
    public Optional<SignatureScheme> signatureScheme() {
        return Optional.of(SIGNATURE);
    }

    @Override
    public Reading read(Delivery delivery) {
        String mediaType = MediaTypes.essence(delivery.request().contentType());
        PayloadField body = PayloadJson.parse(delivery.body());
        List<Observation> observations = new ArrayList<>();
        if (STRUCTURED.equals(mediaType)) {
            observations.add(structured(body, delivery));
        } else if (BATCH.equals(mediaType)) {
            for (PayloadField event : body.elements()) {
                observations.add(structured(event, delivery));
            }
        } else {
            observations.add(binary(body, delivery));
        }
        return new Reading(observations, 0);
    }

    private static Observation structured(PayloadField event, Delivery delivery) {
        if (!SPEC_VERSION.equals(event.get("specversion").text())) {
            throw event.get("specversion").invalid("must be " + SPEC_VERSION);
        }
        // Required by CloudEvents; the action and what it concerns come from the data.
        event.get("source").text();
        event.get("type").text();
        Instant time = event.get("time").optionalTimestamp().orElse(delivery.receivedAt());
        PayloadField data = event.get("data");
        if (data.isAbsent()) {
            throw data.invalid("is missing; the event must carry its data as JSON (data_base64 is not read)");
        }
        return observation(new Attributes(event.get("id").eventId(), time), data, delivery);
    }

    private static Observation binary(PayloadField data, Delivery delivery) {
        if (!SPEC_VERSION.equals(header(delivery, "ce-specversion"))) {
            throw new InvalidPayloadException("ce-specversion", "ce-specversion must be " + SPEC_VERSION);
        }
        header(delivery, "ce-source");
        header(delivery, "ce-type");
        String id = EventIdentifiers.check(header(delivery, "ce-id"), "ce-id", CloudEventHeaders.MAX_IDENTIFIER_LENGTH);
        return observation(new Attributes(id, binaryTime(delivery)), data, delivery);
    }

    private static Instant binaryTime(Delivery delivery) {
        String time = delivery.header("ce-time");
        if (time == null) {
            return delivery.receivedAt();
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new InvalidPayloadException("ce-time", "ce-time must be an RFC 3339 timestamp");
        }
    }

    private static Observation observation(Attributes attributes, PayloadField data, Delivery delivery) {
        PayloadField referenceField = data.get("reference");
        ImageReference reference = ImageNames.reference(referenceField);
        RegistryRepository repository = ImageNames.repository(
                delivery.registry(reference::registry), reference.repository(), referenceField.path());
        Optional<String> digest = digestOf(reference, data.get("digest"));
        Provenance provenance = new Provenance(
                attributes.id(),
                attributes.id(),
                attributes.time(),
                data.get("actor").optionalText().orElse(null));
        String action = data.get("action").optionalText().orElse("push");
        if (action.equals("delete")) {
            return new TagDeleted(provenance, repository, reference.tag(), digest.orElse(null));
        }
        if (!action.equals("push")) {
            throw data.get("action").invalid("must be push or delete");
        }
        if (reference.tag() == null) {
            throw referenceField.invalid("must name a tag: registry/repository:tag");
        }
        if (digest.isEmpty()) {
            return new TagNamed(provenance, repository, reference.tag());
        }
        return new TagPushed(
                provenance,
                repository,
                reference.tag(),
                digest.get(),
                data.get("mediaType").optionalText().orElse(null),
                data.get("size").optionalSize().orElse(null),
                platforms(data.get("platforms")),
                delivery.manifestUrl(repository, digest.get()));
    }

    /** The digest field, or the one the reference pins; both must agree. */
    private static Optional<String> digestOf(ImageReference reference, PayloadField digestField) {
        Optional<String> given = ImageNames.optionalDigest(digestField);
        if (reference.digest() == null) {
            return given;
        }
        String pinned = reference.digest().toString();
        if (given.isPresent() && !given.get().equals(pinned)) {
            throw digestField.invalid("differs from the digest the reference pins");
        }
        return Optional.of(pinned);
    }

    private static List<Platform> platforms(PayloadField platforms) {
        List<Platform> read = new ArrayList<>();
        for (PayloadField platform : platforms.optionalElements()) {
            read.add(new Platform(
                    ImageNames.digest(platform.get("digest")),
                    platform.get("os").text(),
                    platform.get("architecture").text(),
                    platform.get("variant").optionalText().orElse(null)));
        }
        return read;
    }

    private static String header(Delivery delivery, String name) {
        String value = delivery.header(name);
        if (value == null || value.isBlank()) {
            throw new InvalidPayloadException(
                    name,
                    "missing CloudEvents header " + name
                            + "; binary mode needs ce-specversion, ce-id, ce-source and ce-type");
        }
        return value;
    }
}
