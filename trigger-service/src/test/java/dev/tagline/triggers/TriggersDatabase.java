package dev.tagline.triggers;

import dev.tagline.testkit.JdbcQueries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Plain JDBC into the service's schema, for what the API does not show: actions, the outbox, and breaking things. */
final class TriggersDatabase {

    private final JdbcQueries jdbc;

    private TriggersDatabase(JdbcQueries jdbc) {
        this.jdbc = jdbc;
    }

    TriggersDatabase(String url, String user, String password) {
        this(new JdbcQueries(url, user, password));
    }

    /** The database the Quarkus app under test uses. */
    static TriggersDatabase ofApp() {
        return new TriggersDatabase(JdbcQueries.ofQuarkusApp());
    }

    /** The digests the namespace's triggers fired for, oldest first. */
    List<String> firedDigests(String namespace, String trigger) {
        return jdbc.strings(
                "select a.digest from triggers.actions a join triggers.triggers t on t.id = a.trigger_id"
                        + " where t.namespace = ? and t.name = ? order by a.id",
                namespace,
                trigger);
    }

    long outboxRowsOf(String namespace) {
        return jdbc.count("select count(*) from triggers.outbox where record_key like ?", namespace + "/%");
    }

    long unpublishedOf(String namespace) {
        return jdbc.count(
                "select count(*) from triggers.outbox where record_key like ? and published_at is null",
                namespace + "/%");
    }

    long deliveriesOf(String namespace) {
        return jdbc.count(
                "select count(*) from triggers.deliveries d join triggers.triggers t on t.id = d.trigger_id"
                        + " where t.namespace = ?",
                namespace);
    }

    /**
     * Locks the delivery's row, as a long transaction elsewhere would, until the returned lock is closed: whoever
     * writes the row meanwhile waits.
     */
    RowLock lockDelivery(String webhookId) {
        try {
            Connection connection = jdbc.connect();
            connection.setAutoCommit(false);
            try (PreparedStatement lock =
                    connection.prepareStatement("select id from triggers.deliveries where webhook_id = ? for update")) {
                lock.setString(1, webhookId);
                lock.executeQuery().close();
            }
            return new RowLock(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock delivery " + webhookId, e);
        }
    }

    /** A row lock held by an open transaction; closing it rolls the transaction back. */
    record RowLock(Connection connection) implements AutoCloseable {

        @Override
        public void close() {
            try (connection) {
                connection.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot release the lock", e);
            }
        }
    }

    void execute(String sql, String... parameters) {
        jdbc.execute(sql, parameters);
    }
}
