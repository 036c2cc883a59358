package dev.tagline.cli.names;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.cli.api.Json;

/**
 * The source of {@code tagline tag}, read as {@code oc tag} reads it: a registry image when its first path element
 * is a registry host (has a dot or a port, or is {@code localhost}), else {@code [namespace/]stream@digest} (an
 * image stream image) or {@code [namespace/]stream:tag} (an image stream tag).
 */
public record TagSource(Kind kind, String namespace, String name) {

    /** The API's {@code from.kind}, and the lower-case names {@code --source} takes. */
    public enum Kind {
        docker("DockerImage"),
        istag("ImageStreamTag"),
        isimage("ImageStreamImage");

        private final String apiKind;

        Kind(String apiKind) {
            this.apiKind = apiKind;
        }

        public String apiKind() {
            return apiKind;
        }
    }

    /** @param forced the kind {@code --source} names, or null to tell by the argument's shape */
    public static TagSource parse(String argument, Kind forced) {
        Kind kind = forced != null ? forced : kindOf(argument);
        if (kind == Kind.docker) {
            return new TagSource(kind, null, argument);
        }
        int slash = argument.indexOf('/');
        return slash < 0
                ? new TagSource(kind, null, argument)
                : new TagSource(kind, argument.substring(0, slash), argument.substring(slash + 1));
    }

    private static Kind kindOf(String argument) {
        int slash = argument.indexOf('/');
        if (slash > 0) {
            String first = argument.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return Kind.docker;
            }
        }
        return argument.contains("@") ? Kind.isimage : Kind.istag;
    }

    /** The {@code from} of a tag operation; a stream source names its namespace, the current one if it named none. */
    public ObjectNode from(String currentNamespace) {
        ObjectNode from = Json.object().put("kind", kind.apiKind());
        if (kind != Kind.docker) {
            from.put("namespace", namespace == null ? currentNamespace : namespace);
        }
        return from.put("name", name);
    }
}
