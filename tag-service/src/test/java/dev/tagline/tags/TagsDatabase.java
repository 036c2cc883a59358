package dev.tagline.tags;

import dev.tagline.testkit.JdbcQueries;
import java.util.List;

/** Plain JDBC into the service's schema, for what the API does not show: the outbox, and breaking things. */
final class TagsDatabase {

    private final JdbcQueries jdbc;

    private TagsDatabase(JdbcQueries jdbc) {
        this.jdbc = jdbc;
    }

    TagsDatabase(String url, String user, String password) {
        this(new JdbcQueries(url, user, password));
    }

    /** The database the Quarkus app under test uses. */
    static TagsDatabase ofApp() {
        return new TagsDatabase(JdbcQueries.ofQuarkusApp());
    }

    long outboxRowsOf(String namespace) {
        return jdbc.count("select count(*) from tags.outbox where record_key like ?", namespace + "/%");
    }

    List<String> outboxKeysOf(String namespace) {
        return jdbc.strings("select record_key from tags.outbox where record_key like ? order by id", namespace + "/%");
    }

    /** The types of the events written for one tag, {@code namespace/stream:tag}, oldest first. */
    List<String> outboxTypesOf(String key) {
        return jdbc.strings("select type from tags.outbox where record_key = ? order by id", key);
    }

    List<String> appliedEventIdsOf(String source) {
        return jdbc.strings("select event_id from tags.applied_events where source = ? order by event_id", source);
    }

    long unpublishedOf(String namespace) {
        return jdbc.count(
                "select count(*) from tags.outbox where record_key like ? and published_at is null", namespace + "/%");
    }

    /** History items of every stream in the namespaces whose names start with the prefix. */
    long historyRowsIn(String namespacePrefix) {
        return jdbc.count(
                "select count(*) from tags.tag_history h join tags.image_streams s on s.id = h.stream_id"
                        + " where s.namespace like ?",
                namespacePrefix + "%");
    }

    void execute(String sql) {
        jdbc.execute(sql);
    }
}
