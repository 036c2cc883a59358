package dev.tagline.cli.names;

import picocli.CommandLine;

/**
 * {@code stream:tag} or {@code namespace/stream:tag} as typed. Only the shape is checked here; the APIs check the
 * grammar of each name and say which one is wrong.
 *
 * @param namespace null when the argument named none: the current namespace is meant
 */
public record StreamTagName(String namespace, String stream, String tag) {

    public static StreamTagName parse(String argument) {
        int slash = argument.indexOf('/');
        String namespace = slash < 0 ? null : argument.substring(0, slash);
        String streamTag = argument.substring(slash + 1);
        int colon = streamTag.lastIndexOf(':');
        if (colon <= 0 || colon == streamTag.length() - 1 || streamTag.contains("/") || (slash == 0)) {
            throw new CommandLine.TypeConversionException(
                    "'" + argument + "' is not STREAM:TAG or NAMESPACE/STREAM:TAG");
        }
        return new StreamTagName(namespace, streamTag.substring(0, colon), streamTag.substring(colon + 1));
    }

    public String namespaceOr(String current) {
        return namespace == null ? current : namespace;
    }

    /** {@code stream:tag}, the form the APIs take in paths and bodies. */
    public String streamTag() {
        return stream + ":" + tag;
    }

    @Override
    public String toString() {
        return namespace == null ? streamTag() : namespace + "/" + streamTag();
    }
}
