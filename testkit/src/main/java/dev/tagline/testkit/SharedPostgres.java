package dev.tagline.testkit;

import java.util.Map;

/** Chooses, starts and holds the PostgreSQL server that all tests of a JVM share; a shutdown hook stops it. */
final class SharedPostgres {

    private static final String JDBC_URL = "jdbcUrl";
    private static final String USERNAME = "username";
    private static final String PASSWORD = "password";

    private static PostgresServer server;

    private SharedPostgres() {}

    static PostgresServer get() {
        @SuppressWarnings("unchecked")
        Map<String, String> connection = (Map<String, String>) JvmWide.call(SharedPostgres.class, "connection");
        return new ExternalPostgres(connection.get(JDBC_URL), connection.get(USERNAME), connection.get(PASSWORD));
    }

    // Runs in the system class loader's copy of this class only (see JvmWide).
    private static synchronized Map<String, String> connection() {
        if (server == null) {
            server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "tagline-postgres-shutdown"));
        }
        return Map.of(JDBC_URL, server.jdbcUrl(), USERNAME, server.username(), PASSWORD, server.password());
    }

    private static PostgresServer start() {
        return ExternalPostgres.fromEnvironment(
                        "TAGLINE_TEST_POSTGRES_URL", "TAGLINE_TEST_POSTGRES_USER", "TAGLINE_TEST_POSTGRES_PASSWORD")
                .orElseGet(() ->
                        Docker.daemonAnswers() ? PostgresContainerServer.start() : EmbeddedPostgresServer.start());
    }
}
