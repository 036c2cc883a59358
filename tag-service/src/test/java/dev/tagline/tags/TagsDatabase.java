package dev.tagline.tags;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain JDBC into the service's schema, for what the API does not show: the outbox, and breaking things. */
final class TagsDatabase {

    private final String url;
    private final String user;
    private final String password;

    TagsDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The database the Quarkus app under test uses. */
    static TagsDatabase ofApp() {
        Config config = ConfigProvider.getConfig();
        return new TagsDatabase(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    long outboxRowsOf(String namespace) {
        return count("select count(*) from tags.outbox where record_key like ?", namespace + "/%");
    }

    List<String> outboxKeysOf(String namespace) {
        return strings("select record_key from tags.outbox where record_key like ? order by id", namespace + "/%");
    }

    /** The types of the events written for one tag, {@code namespace/stream:tag}, oldest first. */
    List<String> outboxTypesOf(String key) {
        return strings("select type from tags.outbox where record_key = ? order by id", key);
    }

    List<String> appliedEventIdsOf(String source) {
        return strings("select event_id from tags.applied_events where source = ? order by event_id", source);
    }

    private List<String> strings(String sql, String parameter) {
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

    long unpublishedOf(String namespace) {
        return count("select count(*) from tags.outbox where record_key like ? and published_at is null",
                namespace + "/%");
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
