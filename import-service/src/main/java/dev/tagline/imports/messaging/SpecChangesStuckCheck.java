package dev.tagline.imports.messaging;

import dev.tagline.support.messaging.StuckRecordCheck;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness DOWN while an {@code imagestream-tag-events} batch has been retried for longer than a minute. */
@Readiness
@ApplicationScoped
public class SpecChangesStuckCheck extends StuckRecordCheck {

    public SpecChangesStuckCheck() {
        super("imagestream-tag-events consumer");
    }
}
