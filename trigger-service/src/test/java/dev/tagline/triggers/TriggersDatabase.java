package dev.tagline.triggers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain JDBC into the service's schema, for what the API does not show: actions, the outbox, and breaking things. */
final class TriggersDatabase {

    private final String url;
    private final String user;
    private final String password;

    TriggersDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The database the Quarkus app under test uses. */
    static TriggersDatabase ofApp() {
        Config config = ConfigProvider.getConfig();
        return new TriggersDatabase(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** The digests the namespace's triggers fired for, oldest first. */
    List<String> firedDigests(String namespace, String trigger) {
        return strings("select a.digest from triggers.actions a join triggers.triggers t on t.id = a.trigger_id"
                + " where t.namespace = ? and t.name = ? order by a.id", namespace, trigger);
    }

    long outboxRowsOf(String namespace) {
        return count("select count(*) from triggers.outbox where record_key like ?", namespace + "/%");
    }

    long unpublishedOf(String namespace) {
        return count("select count(*) from triggers.outbox where record_key like ? and published_at is null",
                namespace + "/%");
    }

    void execute(String sql, String... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private List<String> strings(String sql, String... parameters) {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
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
