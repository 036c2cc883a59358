package dev.tagline.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain JDBC for tests that look past a service's API into its schema: one connection per call, string parameters,
 * and an exception naming the statement when it fails.
 */
public final class JdbcQueries {

    private final String url;
    private final String user;
    private final String password;

    public JdbcQueries(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The database the Quarkus app under test uses: its {@code quarkus.datasource} settings. */
    public static JdbcQueries ofQuarkusApp() {
        Config config = ConfigProvider.getConfig();
        return new JdbcQueries(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** The first column of the first row, as a number: a {@code count(*)}, say. */
    public long count(String sql, String... parameters) {
        try (Connection connection = connect();
                PreparedStatement query = prepare(connection, sql, parameters);
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of every row, in the order the query gives. */
    public List<String> strings(String sql, String... parameters) {
        try (Connection connection = connect();
                PreparedStatement query = prepare(connection, sql, parameters);
                ResultSet rows = query.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public void execute(String sql, String... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A connection of the caller's own, for work the calls above do not cover (a batch in one transaction). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static PreparedStatement prepare(Connection connection, String sql, String... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setString(i + 1, parameters[i]);
        }
        return statement;
    }
}
