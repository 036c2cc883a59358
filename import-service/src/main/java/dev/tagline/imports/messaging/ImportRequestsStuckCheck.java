package dev.tagline.imports.messaging;

import dev.tagline.support.messaging.StuckRecordCheck;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness DOWN while an {@code import-requests} record has been retried for longer than a minute. */
@Readiness
@ApplicationScoped
public class ImportRequestsStuckCheck extends StuckRecordCheck {

    public ImportRequestsStuckCheck() {
        super("import-requests consumer");
    }
}
