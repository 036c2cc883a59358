package dev.tagline.tags.domain;

import dev.tagline.events.TagReference;
import dev.tagline.events.TagSpec;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.events.reference.InvalidReferenceException;
import dev.tagline.events.reference.ResourceNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks spec tags from users and works out the registry tag a DockerImage spec follows. */
public final class SpecTagValidator {

    private SpecTagValidator() {
    }

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
        if (from.kind() != TagReference.Kind.DockerImage) {
            throw new InvalidSpecException(prefix + "from.kind",
                    "spec tags follow a DockerImage; tag from " + from.kind() + " with the tag operations");
        }
        try {
            ImageReference source = ImageReference.parse(from.name());
            // A digest pins the image: the spec follows nothing, even when it also names a tag.
            return new ValidSpec(spec, source.digest() != null ? null : source.tagKey());
        } catch (InvalidReferenceException e) {
            throw new InvalidSpecException(prefix + "from.name", e.getMessage());
        }
    }

    /** Validates every spec of a stream; two specs may not share a name. */
    public static List<ValidSpec> validateAll(List<TagSpec> specs) {
        Set<String> names = new HashSet<>();
        List<ValidSpec> valid = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            valid.add(validate(specs.get(i), "tags[" + i + "]"));
            if (!names.add(specs.get(i).name())) {
                throw new InvalidSpecException("tags[" + i + "].name", "tag " + specs.get(i).name() + " appears twice");
            }
        }
        return valid;
    }
}
