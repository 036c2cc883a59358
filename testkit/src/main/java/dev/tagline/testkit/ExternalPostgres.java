package dev.tagline.testkit;

import java.util.Optional;

/** A PostgreSQL server that someone else runs; closing it leaves it running. */
record ExternalPostgres(String jdbcUrl, String username, String password) implements PostgresServer {

    ExternalPostgres {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("Expected jdbc:postgresql://host:port/database but got " + jdbcUrl);
        }
    }

    /** The server that three environment variables name, if the one for the URL is set. */
    static Optional<PostgresServer> fromEnvironment(
            String urlVariable, String usernameVariable, String passwordVariable) {
        String url = System.getenv(urlVariable);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ExternalPostgres(url, required(usernameVariable), required(passwordVariable)));
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null) {
            throw new IllegalStateException(variable + " must be set along with the Postgres URL");
        }
        return value;
    }

    @Override
    public void close() {}
}
