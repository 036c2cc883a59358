package dev.tagline.imports;

import dev.tagline.testkit.JdbcQueries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Plain JDBC into the service's schema, for what the API does not show: the schedule and the outbox. */
final class ImportsDatabase {

    private final JdbcQueries jdbc;

    private ImportsDatabase(JdbcQueries jdbc) {
        this.jdbc = jdbc;
    }

    ImportsDatabase(String url, String user, String password) {
        this(new JdbcQueries(url, user, password));
    }

    /** The database the Quarkus app under test uses. */
    static ImportsDatabase ofApp() {
        return new ImportsDatabase(JdbcQueries.ofQuarkusApp());
    }

    long scheduledSources(String sourceKey) {
        return jdbc.count("select count(*) from imports.scheduled_sources where source_key = ?", sourceKey);
    }

    long followersOf(String sourceKey) {
        return jdbc.count(
                "select count(*) from imports.followers f"
                        + " join imports.scheduled_sources s on s.id = f.source_id where s.source_key = ?",
                sourceKey);
    }

    /** Whether the source is fetched over plain HTTP, as some follower asked. */
    boolean isInsecure(String sourceKey) {
        return jdbc.count("select count(*) from imports.scheduled_sources where source_key = ? and insecure", sourceKey)
                > 0;
    }

    long consecutiveFailures(String sourceKey) {
        return jdbc.count(
                "select coalesce(max(consecutive_failures), 0) from imports.scheduled_sources"
                        + " where source_key = ?",
                sourceKey);
    }

    /** Outbox rows about a registry tag, published or not. */
    long outboxRowsOf(String key) {
        return jdbc.count("select count(*) from imports.outbox where record_key = ?", key);
    }

    long unpublishedOutboxRowsOf(String keyPrefix) {
        return jdbc.count(
                "select count(*) from imports.outbox where record_key like ? and published_at is null",
                keyPrefix + "%");
    }

    boolean isPaused(String registry) {
        return jdbc.count(
                        "select count(*) from imports.registry_pauses where registry = ? and paused_until > now()",
                        registry)
                > 0;
    }

    /** Sources of the repository checked, with a digest seen, and claimed by no check any more. */
    long unclaimedCheckedSources(String repository) {
        return jdbc.count(
                "select count(*) from imports.scheduled_sources where repository = ? and claim_id is null"
                        + " and last_digest is not null",
                repository);
    }

    /**
     * Schedules the tags as the spec-change consumer would, insecure (plain HTTP), all due now, in one
     * transaction: for tests of the claim protocol, which must not depend on how fast events are consumed.
     */
    void scheduleAllDueNow(String registry, String repository, List<String> tags) {
        String insert = "insert into imports.scheduled_sources (source_key, registry, repository, tag, insecure,"
                + " next_check, created_at) values (?, ?, ?, ?, true, now(), now())";
        try (Connection connection = jdbc.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                for (String tag : tags) {
                    statement.setString(1, registry + "/" + repository + ":" + tag);
                    statement.setString(2, registry);
                    statement.setString(3, repository);
                    statement.setString(4, tag);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(insert, e);
        }
    }

    void execute(String sql) {
        jdbc.execute(sql);
    }
}
