package dev.tagline.triggers;

import dev.tagline.testkit.JdbcQueries;
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
        return jdbc.strings("select a.digest from triggers.actions a join triggers.triggers t on t.id = a.trigger_id"
                + " where t.namespace = ? and t.name = ? order by a.id", namespace, trigger);
    }

    long outboxRowsOf(String namespace) {
        return jdbc.count("select count(*) from triggers.outbox where record_key like ?", namespace + "/%");
    }

    long unpublishedOf(String namespace) {
        return jdbc.count("select count(*) from triggers.outbox where record_key like ? and published_at is null",
                namespace + "/%");
    }

    long deliveriesOf(String namespace) {
        return jdbc.count("select count(*) from triggers.deliveries d join triggers.triggers t on t.id = d.trigger_id"
                + " where t.namespace = ?", namespace);
    }

    void execute(String sql, String... parameters) {
        jdbc.execute(sql, parameters);
    }
}
