package dev.tagline.support.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Which replica relays a service's outbox: the one whose database session holds the relay's advisory lock. The
 * leader keeps that session, and so the lock, for as long as it works, instead of taking the lock in every run; when
 * the session ends (the replica dies, the database restarts) Postgres releases the lock and the next replica to ask
 * leads. One replica at a time keeps events in the order they were written.
 *
 * <p>Used by one relay run at a time, never concurrently.
 */
final class RelayLeadership {

    private final Pool pool;
    private final long lockId;
    /** The session holding the lock while this replica leads; runs happen on different threads, one at a time. */
    private volatile SqlConnection session;

    RelayLeadership(Pool pool, long lockId) {
        this.pool = pool;
        this.lockId = lockId;
    }

    /** @return the leader's session, or null when another replica leads */
    Uni<SqlConnection> session() {
        SqlConnection held = session;
        if (held != null) {
            return Uni.createFrom().item(held);
        }
        return pool.getConnection()
                .chain(connection -> connection
                        .preparedQuery("select pg_try_advisory_lock($1)")
                        .execute(Tuple.of(lockId))
                        .map(rows -> rows.iterator().next().getBoolean(0))
                        .onFailure()
                        .call(connection::close)
                        .chain(won -> {
                            if (won) {
                                session = connection;
                                return Uni.createFrom().item(connection);
                            }
                            return connection.close().replaceWith((SqlConnection) null);
                        }));
    }

    /**
     * Gives the lead up after a failed run, whose session may be broken: the lock is released before the connection
     * goes back to the pool, where a session-level lock would otherwise outlive its use. If the session is broken,
     * Postgres has released the lock with it.
     */
    Uni<Void> resign() {
        SqlConnection held = session;
        if (held == null) {
            return Uni.createFrom().voidItem();
        }
        session = null;
        return held.preparedQuery("select pg_advisory_unlock($1)")
                .execute(Tuple.of(lockId))
                .onFailure()
                .recoverWithNull()
                .chain(held::close);
    }
}
