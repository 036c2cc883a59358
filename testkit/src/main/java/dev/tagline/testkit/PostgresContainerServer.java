package dev.tagline.testkit;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL 17 in a Testcontainers container, for machines where a Docker daemon answers. */
final class PostgresContainerServer implements PostgresServer {

    private static final String IMAGE = "postgres:17";

    private final PostgreSQLContainer container;

    private PostgresContainerServer(PostgreSQLContainer container) {
        this.container = container;
    }

    static PostgresContainerServer start() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        return new PostgresContainerServer(container);
    }

    // Built here because the container's own JDBC URL carries driver options the reactive client rejects.
    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://" + container.getHost() + ":"
                + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + container.getDatabaseName();
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public void close() {
        container.stop();
    }
}
