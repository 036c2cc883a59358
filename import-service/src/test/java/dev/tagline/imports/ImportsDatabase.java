package dev.tagline.imports;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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

    List<String> strings(String sql, String parameter) {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
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
