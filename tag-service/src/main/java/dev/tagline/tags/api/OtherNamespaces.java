package dev.tagline.tags.api;

import dev.tagline.access.NamespaceAccess;
import dev.tagline.access.Role;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.TagReference;
import dev.tagline.events.TagSpec;
import dev.tagline.tags.domain.TagCommand;
import dev.tagline.tags.domain.TagSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Checks the caller's role in every namespace a request names besides the one in its path (whose role the access
 * filter checked): {@code view} where it reads a source, {@code edit} where it changes a tag. Called before any
 * database work, so that a refusal changes and publishes nothing.
 */
@ApplicationScoped
public class OtherNamespaces {

    private final NamespaceAccess access;

    public OtherNamespaces(NamespaceAccess access) {
        this.access = access;
    }

    /** A tag operation reads its source and changes every destination. */
    void requireFor(TagCommand command, String namespace) {
        String source = null;
        if (command.from() instanceof TagSource.FromStreamTag tag) {
            source = tag.tag().namespace();
        } else if (command.from() instanceof TagSource.FromStreamImage image) {
            source = image.image().namespace();
        }
        if (source != null && !source.equals(namespace)) {
            access.require(source, Role.VIEW, "from.namespace");
        }
        List<StreamTagRef> to = command.to();
        for (int i = 0; i < to.size(); i++) {
            if (!to.get(i).namespace().equals(namespace)) {
                access.require(to.get(i).namespace(), Role.EDIT, "to[" + i + "]");
            }
        }
    }

    /** Spec tags written whole (a stream's {@code tags}) read the stream tags or images they follow. */
    void requireForSpecs(List<TagSpec> specs, String namespace) {
        for (int i = 0; i < specs.size(); i++) {
            requireForSpec(specs.get(i), namespace, "tags[" + i + "].");
        }
    }

    /**
     * A spec tag that follows a stream tag or image in another namespace reads it there, also when it is only
     * written back as it was read.
     *
     * @param prefix how the client wrote the spec's place, e.g. {@code tags[0].}, or empty for a lone spec
     */
    void requireForSpec(TagSpec spec, String namespace, String prefix) {
        TagReference from = spec == null ? null : spec.from();
        boolean followsAStream = from != null
                && (from.kind() == TagReference.Kind.ImageStreamTag
                        || from.kind() == TagReference.Kind.ImageStreamImage);
        if (followsAStream && from.namespace() != null && !from.namespace().equals(namespace)) {
            access.require(from.namespace(), Role.VIEW, prefix + "from.namespace");
        }
    }
}
