package dev.tagline.cli.command;

import picocli.CommandLine.Option;

/** {@code -n NAMESPACE}: overrides the context's namespace and {@code TAGLINE_NAMESPACE}. */
public final class NamespaceOption {

    @Option(
            names = {"-n", "--namespace"},
            paramLabel = "NAMESPACE",
            description = "the namespace to work in (default: the context's, or TAGLINE_NAMESPACE)")
    String namespace;

    public String value() {
        return namespace;
    }
}
