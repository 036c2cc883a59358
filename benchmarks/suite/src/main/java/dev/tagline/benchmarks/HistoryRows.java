package dev.tagline.benchmarks;

import dev.tagline.testkit.JdbcQueries;
import java.time.Instant;

/**
 * The history rows the tag-service committed for one namespace's streams since a moment, and their rate by the
 * timestamps the tag-service wrote in its transactions: what an earlier run or another benchmark left must not count.
 */
final class HistoryRows {

    private static final String OF_NAMESPACE_SINCE = " from tags.tag_history h"
            + " join tags.image_streams s on s.id = h.stream_id where s.namespace = ? and h.created >= ?::timestamptz";

    private final JdbcQueries database;
    private final String namespace;
    private final String since;

    HistoryRows(JdbcQueries database, String namespace, Instant since) {
        this.database = database;
        this.namespace = namespace;
        this.since = since.toString();
    }

    long count() {
        return database.count("select count(*)" + OF_NAMESPACE_SINCE, namespace, since);
    }

    /** Rows per second from the first commit to the last; not a number while fewer than two rows are there. */
    double perSecond() {
        long rows = count();
        long spanMicros = database.count(
                "select coalesce((extract(epoch from max(h.created) - min(h.created))" + " * 1000000)::bigint, 0)"
                        + OF_NAMESPACE_SINCE,
                namespace,
                since);
        return rows < 2 || spanMicros == 0 ? Double.NaN : (rows - 1) / (spanMicros / 1e6);
    }
}
