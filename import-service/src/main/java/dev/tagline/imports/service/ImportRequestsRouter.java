package dev.tagline.imports.service;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventType;
import dev.tagline.events.MalformedEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends each {@code import-requests} record to the applier of its {@code ce_type}: signature checks to
 * {@link SignatureCheckRequestApplier}, everything else to {@link ImportRequestApplier}, which refuses types that do
 * not belong on the topic.
 */
@ApplicationScoped
public class ImportRequestsRouter {

    private final ImportRequestApplier imports;
    private final SignatureCheckRequestApplier signatureChecks;

    public ImportRequestsRouter(ImportRequestApplier imports, SignatureCheckRequestApplier signatureChecks) {
        this.imports = imports;
        this.signatureChecks = signatureChecks;
    }

    /**
     * @return whether an event was written to the outbox
     * @throws MalformedEventException when the request can never be answered
     */
    public Uni<Boolean> apply(CloudEventHeaders event, String data) {
        return isSignatureCheck(event) ? signatureChecks.apply(event, data) : imports.apply(event, data);
    }

    /**
     * The checks {@link #apply} makes before any other work, for the fuzz test.
     *
     * @throws MalformedEventException when the request can never be answered
     */
    static void validate(CloudEventHeaders event, String data) {
        if (isSignatureCheck(event)) {
            SignatureCheckRequestApplier.validate(event, data);
        } else {
            ImportRequestApplier.validate(event, data);
        }
    }

    private static boolean isSignatureCheck(CloudEventHeaders event) {
        return event.type() == EventType.SIGNATURE_CHECK_REQUESTED;
    }
}
