package dev.tagline.tags.domain;

import dev.tagline.events.TagReference;
import dev.tagline.events.TagSpec;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.events.reference.InvalidReferenceException;
import dev.tagline.events.reference.ResourceNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks spec tags from users and works out the registry tag a DockerImage spec follows. */
public final class SpecTagValidator {

    private SpecTagValidator() {}

    /**
     * @param field how the client wrote the spec's place, e.g. {@code tags[0]}, or empty for a lone spec
     */
    public static ValidSpec validate(TagSpec spec, String field) {
        String prefix = field.isEmpty() ? "" : field + ".";
        if (spec == null) {
            throw new InvalidSpecException(field.isEmpty() ? "tag" : field, "a spec tag is required");
        }
        if (spec.name() == null) {
            throw new InvalidSpecException(prefix + "name", "name is required");
        }
        ResourceNames.tagNameProblem(spec.name()).ifPresent(problem -> {
            throw new InvalidSpecException(prefix + "name", problem);
        });
        TagReference from = spec.from();
        if (from == null || from.kind() == null || from.name() == null) {
            throw new InvalidSpecException(prefix + "from", "from needs a kind and a name");
        }
        if (from.kind() == TagReference.Kind.ImageStreamTag) {
            checkStreamSource(from, prefix);
            StreamNames.streamTag(from.namespace(), from.name(), prefix + "from.name");
            return new ValidSpec(spec, null);
        }
        if (from.kind() == TagReference.Kind.ImageStreamImage) {
            checkStreamSource(from, prefix);
            StreamNames.streamImage(from.namespace(), from.name(), prefix + "from.name");
            return new ValidSpec(spec, null);
        }
        try {
            ImageReference source = ImageReference.parse(from.name());
            // A digest pins the image: the spec follows nothing, even when it also names a tag.
            return new ValidSpec(spec, source.digest() != null ? null : source.tagKey());
        } catch (InvalidReferenceException e) {
            throw new InvalidSpecException(prefix + "from.name", e.getMessage());
        }
    }

    private static void checkStreamSource(TagReference from, String prefix) {
        if (from.namespace() != null) {
            StreamNames.label(from.namespace(), prefix + "from.namespace");
        }
    }

    /**
     * Spec tags that follow another stream's tag or image are made by the tag operations, which resolve and
     * check their source; a stream or tag written whole may only keep such a spec as it is, so that what was
     * read can be written back.
     *
     * @param existing the tag's spec now, if the tag exists
     * @param namespace the namespace of the tag's stream, which a {@code from} without one means
     * @param field how the client wrote the spec's place, e.g. {@code tags[0]}, or empty for a lone spec
     * @return the spec with its {@code from.namespace} filled in
     */
    public static ValidSpec keptAsIs(ValidSpec valid, Optional<TagSpec> existing, String namespace, String field) {
        TagSpec spec = valid.spec();
        if (spec.from().kind() == TagReference.Kind.DockerImage) {
            return valid;
        }
        TagSpec explicit = new TagSpec(
                spec.name(),
                new TagReference(
                        spec.from().kind(),
                        spec.from().namespace() == null
                                ? namespace
                                : spec.from().namespace(),
                        spec.from().name()),
                spec.reference(),
                spec.referencePolicy(),
                spec.importPolicy());
        if (existing.isEmpty() || !existing.get().equals(explicit)) {
            throw new InvalidSpecException(
                    (field.isEmpty() ? "" : field + ".") + "from.kind",
                    "a tag follows another image stream's tag or image only by a tag operation "
                            + "(POST /api/v1/namespaces/{namespace}/imagestreamtags); here it may only be kept as it is");
        }
        return new ValidSpec(explicit, null);
    }

    /** Validates every spec of a stream; two specs may not share a name. */
    public static List<ValidSpec> validateAll(List<TagSpec> specs) {
        Set<String> names = new HashSet<>();
        List<ValidSpec> valid = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            valid.add(validate(specs.get(i), "tags[" + i + "]"));
            if (!names.add(specs.get(i).name())) {
                throw new InvalidSpecException(
                        "tags[" + i + "].name", "tag " + specs.get(i).name() + " appears twice");
            }
        }
        return valid;
    }
}
