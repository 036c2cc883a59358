package dev.tagline.tags.domain;

import dev.tagline.events.ImportPolicy;
import dev.tagline.events.ReferencePolicy;
import dev.tagline.events.StreamTagRef;
import java.util.List;

/**
 * One tag operation, as {@code oc tag} does it: every destination is tagged from the source, or none is.
 *
 * @param alias the destinations follow the source tag as it moves, instead of holding its image now
 * @param reference for a DockerImage source: record the pointer without importing the image
 * @param importPolicy for a DockerImage source: how importers treat it
 */
public record TagCommand(
        TagSource from,
        List<StreamTagRef> to,
        boolean alias,
        boolean reference,
        ImportPolicy importPolicy,
        ReferencePolicy referencePolicy) {}
