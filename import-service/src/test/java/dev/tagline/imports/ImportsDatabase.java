package dev.tagline.imports;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain JDBC into the service's schema, for what the API does not show: the schedule and the outbox. */
final class ImportsDatabase {

    private final String url;
    private final String user;
    private final String password;

    ImportsDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The database the Quarkus app under test uses. */
    static ImportsDatabase ofApp() {
        Config config = ConfigProvider.getConfig();
        return new ImportsDatabase(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    long scheduledSources(String sourceKey) {
        return count("select count(*) from imports.scheduled_sources where source_key = ?", sourceKey);
    }

    long followersOf(String sourceKey) {
        return count("select count(*) from imports.followers f join imports.scheduled_sources s on s.id = f.source_id"
                + " where s.source_key = ?", sourceKey);
    }

    long consecutiveFailures(String sourceKey) {
        return count("select coalesce(max(consecutive_failures), 0) from imports.scheduled_sources where source_key = ?",
                sourceKey);
    }

    /** Outbox rows about a registry tag, published or not. */
    long outboxRowsOf(String key) {
        return count("select count(*) from imports.outbox where record_key = ?", key);
    }

    long unpublishedOutboxRowsOf(String keyPrefix) {
        return count("select count(*) from imports.outbox where record_key like ? and published_at is null",
                keyPrefix + "%");
    }

    boolean isPaused(String registry) {
        return count("select count(*) from imports.registry_pauses where registry = ? and paused_until > now()",
                registry) > 0;
    }

    /** Sources of the repository checked, with a digest seen, and claimed by no check any more. */
    long unclaimedCheckedSources(String repository) {
        return count("select count(*) from imports.scheduled_sources where repository = ? and claim_id is null"
                + " and last_digest is not null", repository);
    }

    /**
     * Schedules the tags as the spec-change consumer would, insecure (plain HTTP), all due now, in one
     * transaction: for tests of the claim protocol, which must not depend on how fast events are consumed.
     */
    void scheduleAllDueNow(String registry, String repository, List<String> tags) {
        String insert = "insert into imports.scheduled_sources (source_key, registry, repository, tag, insecure,"
                + " next_check, created_at) values (?, ?, ?, ?, true, now(), now())";
        try (Connection connection = connect()) {
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
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private long count(String sql, String parameter) {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
