package dev.tagline.triggers.messaging;

import dev.tagline.support.messaging.StuckRecordCheck;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness DOWN while an {@code imagestream-tag-events} record has been retried for longer than a minute. */
@Readiness
@ApplicationScoped
public class TagEventsStuckCheck extends StuckRecordCheck {

    public TagEventsStuckCheck() {
        super("imagestream-tag-events consumer");
    }
}
