package dev.tagline.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code dev.tagline.trigger.build.requested} and {@code dev.tagline.trigger.deploy.requested}: a trigger
 * fired because the tag it follows moved to an image other than the one it last dealt with (a rollback to an
 * earlier image included).
 *
 * @param params subscriber-defined (deployment, containers, build config …), passed through as given
 * @param idempotencyKey the same for the same trigger and the same tag move, forever; a later move back to the
 *     same image is another move with another key
 */
public record TriggerActionRequested(
        Trigger trigger, Map<String, Object> params, ImagePointer image, Source from, String idempotencyKey) {

    public TriggerActionRequested {
        params = params == null ? Map.of() : params;
    }

    /** The Kafka key of {@code trigger-actions}: {@code namespace/trigger-name}. */
    @JsonIgnore
    public String key() {
        return trigger.namespace() + "/" + trigger.name();
    }

    /** The trigger that fired. */
    public record Trigger(String namespace, String name, Kind kind) {}

    /** The image stream tag move that fired it. */
    public record Source(String namespace, String imageStream, String tag, long generation) {}

    /** What the subscriber is asked to do. */
    public enum Kind {
        @JsonProperty("build")
        BUILD,
        @JsonProperty("deploy")
        DEPLOY
    }
}
