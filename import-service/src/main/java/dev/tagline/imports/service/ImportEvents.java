package dev.tagline.imports.service;

import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.Origin;
import dev.tagline.events.RegistrySignatureChecked;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.events.RegistryTagImportFailed;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.imports.config.ImportsConfig;
import dev.tagline.imports.domain.RequestedCheck;
import dev.tagline.imports.registry.ImportFailedException;
import dev.tagline.imports.registry.ResolvedImage;
import dev.tagline.imports.signing.SignatureCheckOutcome;
import dev.tagline.imports.store.OutboxRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes the {@code registry-tag-events} an import or a signature check publishes into the outbox, in the caller's
 * transaction.
 */
@ApplicationScoped
public class ImportEvents {

    /** Longest failure message published: enough to say what went wrong, small for every consumer. */
    private static final int MAX_MESSAGE = 1024;

    private final OutboxRepository outbox;
    private final String instance;

    public ImportEvents(OutboxRepository outbox, ImportsConfig config) {
        this.outbox = outbox;
        this.instance = config.instance();
    }

    /** How this replica observed a tag: {@code origin.source} names the replica. */
    public Origin origin(Origin.Kind kind) {
        return new Origin(kind, instance, null, null);
    }

    /** @param target the stream tag an on-demand import fills, with the policies it gives it; null otherwise */
    public Uni<Void> changed(
            UUID eventId,
            ImageReference source,
            ResolvedImage image,
            Origin origin,
            RegistryTagChanged.Target target,
            Instant now) {
        RegistryTagChanged changed = new RegistryTagChanged(
                source.registry(),
                source.repository(),
                source.tag(),
                image.digest(),
                image.mediaType(),
                image.size(),
                image.platforms(),
                now,
                origin,
                target);
        return outbox.add(eventId, changed.key(), EventType.REGISTRY_TAG_CHANGED, EventJson.write(changed), now)
                .replaceWithVoid();
    }

    public Uni<Void> signatureChecked(UUID eventId, RequestedCheck check, SignatureCheckOutcome outcome, Instant now) {
        RegistrySignatureChecked checked = new RegistrySignatureChecked(
                check.registry(),
                check.repository(),
                check.digest().toString(),
                outcome.verdict(),
                outcome.verifiedBy(),
                check.fingerprints(),
                outcome.message(),
                now);
        return outbox.add(eventId, checked.key(), EventType.REGISTRY_SIGNATURE_CHECKED, EventJson.write(checked), now)
                .replaceWithVoid();
    }

    public Uni<Void> failed(
            UUID eventId,
            ImageReference source,
            ImportFailedException failure,
            Origin origin,
            StreamTagRef target,
            Instant now) {
        String message = failure.getMessage().length() <= MAX_MESSAGE
                ? failure.getMessage()
                : failure.getMessage().substring(0, MAX_MESSAGE - 1) + "…";
        RegistryTagImportFailed failed = new RegistryTagImportFailed(
                source.registry(), source.repository(), source.tag(), failure.reason(), message, now, origin, target);
        return outbox.add(eventId, failed.key(), EventType.REGISTRY_TAG_IMPORT_FAILED, EventJson.write(failed), now)
                .replaceWithVoid();
    }
}
