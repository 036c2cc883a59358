package dev.tagline.imports.api;

import dev.tagline.events.StreamTagRef;
import dev.tagline.events.TagReference;
import dev.tagline.events.reference.ImageReference;
import dev.tagline.events.reference.InvalidReferenceException;
import dev.tagline.events.reference.ResourceNames;
import dev.tagline.imports.domain.ImportOrder;
import dev.tagline.web.InvalidRequestException;

/** Validates an import request into an order, naming the first offending field. */
final class ImportOrders {

    private ImportOrders() {}

    static ImportOrder of(String namespace, ImageStreamImportRequest request) {
        ResourceNames.dns1123LabelProblem(namespace).ifPresent(problem -> {
            throw new InvalidRequestException("namespace", problem);
        });
        if (request == null) {
            throw new InvalidRequestException("body", "a JSON body is required");
        }
        ImageReference source = source(request.from());
        StreamTagRef target = target(namespace, request.to());
        return new ImportOrder(target, source, request.importPolicy(), request.referencePolicy());
    }

    private static ImageReference source(ImageStreamImportRequest.From from) {
        if (from == null) {
            throw new InvalidRequestException("from", "from is required: {\"kind\":\"DockerImage\",\"name\":\"…\"}");
        }
        if (!TagReference.Kind.DockerImage.name().equals(from.kind())) {
            throw new InvalidRequestException("from.kind", "only a DockerImage can be imported, not " + from.kind());
        }
        if (from.name() == null || from.name().isBlank()) {
            throw new InvalidRequestException("from.name", "from.name is required");
        }
        ImageReference source;
        try {
            source = ImageReference.parse(from.name());
        } catch (InvalidReferenceException e) {
            throw new InvalidRequestException("from.name", e.getMessage());
        }
        if (source.digest() != null) {
            throw new InvalidRequestException("from.name", "import a tag: a digest-pinned reference never moves");
        }
        return source;
    }

    private static StreamTagRef target(String namespace, String to) {
        if (to == null || to.isBlank()) {
            throw new InvalidRequestException("to", "to is required: the stream tag to import into, stream:tag");
        }
        int colon = to.indexOf(':');
        if (colon < 0) {
            throw new InvalidRequestException("to", "to names a stream tag as stream:tag, got " + to);
        }
        String stream = to.substring(0, colon);
        String tag = to.substring(colon + 1);
        ResourceNames.dns1123LabelProblem(stream).ifPresent(problem -> {
            throw new InvalidRequestException("to", "stream " + problem);
        });
        ResourceNames.tagNameProblem(tag).ifPresent(problem -> {
            throw new InvalidRequestException("to", problem);
        });
        return new StreamTagRef(namespace, stream, tag);
    }
}
