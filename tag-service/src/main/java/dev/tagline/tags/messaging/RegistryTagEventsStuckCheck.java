package dev.tagline.tags.messaging;

import dev.tagline.support.messaging.StuckRecordCheck;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness DOWN while a {@code registry-tag-events} record has been retried for longer than a minute. */
@Readiness
@ApplicationScoped
public class RegistryTagEventsStuckCheck extends StuckRecordCheck {

    public RegistryTagEventsStuckCheck() {
        super("registry-tag-events consumer");
    }
}
