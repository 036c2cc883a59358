package dev.tagline.testkit;

/** A PostgreSQL server that someone else runs; closing it leaves it running. */
record ExternalPostgres(String jdbcUrl, String username, String password) implements PostgresServer {

    ExternalPostgres {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("Expected jdbc:postgresql://host:port/database but got " + jdbcUrl);
        }
    }

    @Override
    public void close() {
    }
}
