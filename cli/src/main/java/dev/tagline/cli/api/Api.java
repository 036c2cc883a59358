package dev.tagline.cli.api;

import dev.tagline.cli.config.Connection;

/** The three Tagline APIs the command line calls, and where each is for a connection. */
public enum Api {
    TAGS,
    IMPORTS,
    TRIGGERS;

    String server(Connection connection) {
        return switch (this) {
            case TAGS -> connection.tagServer();
            case IMPORTS -> connection.importServer();
            case TRIGGERS -> connection.triggerServer();
        };
    }
}
