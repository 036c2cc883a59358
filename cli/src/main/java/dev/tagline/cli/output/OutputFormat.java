package dev.tagline.cli.output;

/** What {@code -o} asks for; without it, a table. */
public enum OutputFormat {
    json,
    yaml,
    name,
    wide
}
