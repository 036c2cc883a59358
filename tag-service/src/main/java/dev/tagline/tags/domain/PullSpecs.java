package dev.tagline.tags.domain;

import dev.tagline.events.ImagePointer;
import dev.tagline.events.ReferencePolicy;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.events.reference.InvalidReferenceException;
import dev.tagline.tags.config.TagsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The pull spec a tag shows for an image: the source registry's, as history recorded it, or, for a tag with
 * reference policy {@code Local}, {@code <pull-through host>/<namespace>/<stream>@<digest>}.
 */
@ApplicationScoped
public class PullSpecs {

    private final Optional<String> pullThroughHost;

    @Inject
    public PullSpecs(TagsConfig config) {
        this(config.pullThroughHost());
    }

    PullSpecs(Optional<String> pullThroughHost) {
        pullThroughHost.ifPresent(host -> {
            try {
                // The host must make a valid reference for every stream: check it as the registry of one.
                new ImageReference(host, "namespace/stream", "tag", null);
            } catch (InvalidReferenceException e) {
                throw new IllegalArgumentException("tagline.tags.pull-through-host: " + e.getMessage(), e);
            }
        });
        this.pullThroughHost = pullThroughHost;
    }

    /** @throws InvalidSpecException when the policy is {@code Local} and no pull-through host is configured */
    public void requireAvailable(ReferencePolicy policy, String field) {
        if (policy == ReferencePolicy.Local && pullThroughHost.isEmpty()) {
            throw new InvalidSpecException(
                    field,
                    "reference policy Local needs a pull-through host, and none is "
                            + "configured (tagline.tags.pull-through-host)");
        }
    }

    /**
     * @param recorded the pull spec history recorded for the image, in its source registry
     */
    public String of(ImageStream stream, StreamTag tag, String digest, String recorded) {
        if (tag.referencePolicy != ReferencePolicy.Local || pullThroughHost.isEmpty()) {
            return recorded;
        }
        return pullThroughHost.get() + "/" + stream.namespace + "/" + stream.name + "@" + digest;
    }

    public ImagePointer pointer(ImageStream stream, StreamTag tag, HistoryItem item) {
        return new ImagePointer(item.digest, of(stream, tag, item.digest, item.dockerImageReference));
    }
}
