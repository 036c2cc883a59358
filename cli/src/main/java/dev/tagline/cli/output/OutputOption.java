package dev.tagline.cli.output;

import picocli.CommandLine.Option;

/** {@code -o json|yaml|name|wide}, shared by every command that reads. */
public final class OutputOption {

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            description = "json (exactly what the API answers), yaml, name or wide; a table without it")
    OutputFormat format;

    public OutputFormat format() {
        return format;
    }
}
