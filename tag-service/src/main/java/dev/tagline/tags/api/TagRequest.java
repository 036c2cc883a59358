package dev.tagline.tags.api;

import dev.tagline.events.ImportPolicy;
import dev.tagline.events.ReferencePolicy;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.TagReference;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.events.reference.InvalidReferenceException;
import dev.tagline.tags.domain.StreamNames;
import dev.tagline.tags.domain.TagCommand;
import dev.tagline.tags.domain.TagSource;
import dev.tagline.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Body of a tag operation, {@code oc tag} over REST.
 *
 * @param from a {@code DockerImage} pull spec, an {@code ImageStreamTag} {@code stream:tag} or an
 *     {@code ImageStreamImage} {@code stream@digest}; a missing {@code namespace} means the path's
 * @param to the destinations, {@code stream:tag} in the path's namespace or {@code namespace/stream:tag}
 * @param alias for an ImageStreamTag: follow the source tag as it moves, instead of holding its image now
 * @param reference for a DockerImage: record the pointer without importing the image
 * @param scheduled for a DockerImage: import it periodically
 * @param insecure for a DockerImage: plain HTTP or unverified TLS allowed
 * @param importMode for a DockerImage: Legacy (default) or PreserveOriginal
 * @param referencePolicy Source (default) or Local: pull specs name the pull-through host
 */
public record TagRequest(
        TagReference from,
        List<String> to,
        boolean alias,
        boolean reference,
        boolean scheduled,
        boolean insecure,
        ImportPolicy.ImportMode importMode,
        ReferencePolicy referencePolicy) {

    /** Enough for any real promotion, small enough that one request is one short transaction. */
    static final int MAX_DESTINATIONS = 100;

    /** The operation, with every name checked; refuses what could never be done, naming the field. */
    TagCommand command(String namespace) {
        if (from == null || from.kind() == null || from.name() == null) {
            throw new InvalidRequestException("from", "from needs a kind and a name");
        }
        TagSource source = switch (from.kind()) {
            case DockerImage -> dockerImage();
            case ImageStreamTag ->
                new TagSource.FromStreamTag(
                        StreamNames.streamTag(sourceNamespace(namespace), from.name(), "from.name"));
            case ImageStreamImage ->
                new TagSource.FromStreamImage(
                        StreamNames.streamImage(sourceNamespace(namespace), from.name(), "from.name"));
        };
        if (alias && from.kind() != TagReference.Kind.ImageStreamTag) {
            throw new InvalidRequestException(
                    "alias", "an alias follows an image stream tag: from.kind must be " + "ImageStreamTag");
        }
        if (from.kind() != TagReference.Kind.DockerImage) {
            dockerImageOnly("reference", reference);
            dockerImageOnly("scheduled", scheduled);
            dockerImageOnly("insecure", insecure);
            dockerImageOnly("importMode", importMode != null);
        }
        return new TagCommand(
                source,
                destinations(namespace),
                alias,
                reference,
                new ImportPolicy(scheduled, insecure, importMode),
                referencePolicy == null ? ReferencePolicy.Source : referencePolicy);
    }

    private TagSource dockerImage() {
        if (from.namespace() != null) {
            throw new InvalidRequestException("from.namespace", "a DockerImage is named by its pull spec alone");
        }
        try {
            return new TagSource.FromDockerImage(from.name(), ImageReference.parse(from.name()));
        } catch (InvalidReferenceException e) {
            throw new InvalidRequestException("from.name", e.getMessage());
        }
    }

    private String sourceNamespace(String namespace) {
        return from.namespace() == null ? namespace : StreamNames.label(from.namespace(), "from.namespace");
    }

    private List<StreamTagRef> destinations(String namespace) {
        if (to == null || to.isEmpty()) {
            throw new InvalidRequestException("to", "at least one destination stream:tag is required");
        }
        if (to.size() > MAX_DESTINATIONS) {
            throw new InvalidRequestException("to", "at most " + MAX_DESTINATIONS + " destinations, got " + to.size());
        }
        List<StreamTagRef> destinations = new ArrayList<>();
        Set<StreamTagRef> seen = new HashSet<>();
        for (int i = 0; i < to.size(); i++) {
            String field = "to[" + i + "]";
            String value = to.get(i);
            if (value == null) {
                throw new InvalidRequestException(field, "a destination is named stream:tag or namespace/stream:tag");
            }
            int slash = value.indexOf('/');
            String destinationNamespace = slash < 0 ? namespace : StreamNames.label(value.substring(0, slash), field);
            StreamTagRef destination = StreamNames.streamTag(destinationNamespace, value.substring(slash + 1), field);
            if (!seen.add(destination)) {
                throw new InvalidRequestException(field, destination.key() + " appears twice");
            }
            destinations.add(destination);
        }
        return destinations;
    }

    private static void dockerImageOnly(String field, boolean set) {
        if (set) {
            throw new InvalidRequestException(field, field + " applies to a DockerImage source only");
        }
    }
}
