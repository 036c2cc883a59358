package dev.tagline.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.testkit.JdbcQueries;
import dev.tagline.testkit.PostgresServer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Elects leaders among replicas, each with its own pool, against a real Postgres. */
class RelayLeadershipTest {

    private static final PostgresServer POSTGRES = PostgresServer.shared();

    private final JdbcQueries jdbc = new JdbcQueries(POSTGRES.jdbcUrl(), POSTGRES.username(), POSTGRES.password());
    private final Vertx vertx = Vertx.vertx();
    private final List<Pool> pools = new ArrayList<>();

    @AfterEach
    void closePoolsAndVertx() throws Exception {
        pools.forEach(pool -> pool.close().await().atMost(Duration.ofSeconds(10)));
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void one_replica_leads_and_another_waits() {
        RelayLeadership first = replica(101);
        RelayLeadership second = replica(101);

        SqlConnection leader = await(first.session());

        assertThat(leader).isNotNull();
        assertThat(await(second.session())).isNull();
        assertThat(await(first.session())).isSameAs(leader);
    }

    @Test
    void a_replica_that_resigns_lets_another_lead() {
        RelayLeadership first = replica(102);
        RelayLeadership second = replica(102);
        int firstPid = backendPid(await(first.session()));

        await(first.resign());
        SqlConnection leader = await(second.session());

        assertThat(leader).isNotNull();
        // The first replica's connection is back in its pool, still open: it must not keep the lock there.
        assertThat(holdersOf(102)).containsExactly(backendPid(leader)).doesNotContain(firstPid);
    }

    @Test
    void a_leader_whose_session_dies_is_replaced() {
        RelayLeadership first = replica(103);
        RelayLeadership second = replica(103);
        int firstPid = backendPid(await(first.session()));
        assertThat(await(second.session())).isNull();

        // The timeout makes Postgres wait until the backend has exited, and so released its locks.
        jdbc.execute("select pg_terminate_backend(?::int, 10000)", String.valueOf(firstPid));
        SqlConnection leader = await(second.session());

        assertThat(leader).isNotNull();
        assertThat(holdersOf(103)).containsExactly(backendPid(leader));
        // The relay's next run on the dead session fails and resigns; then it asks again, as a follower.
        await(first.resign());
        assertThat(await(first.session())).isNull();
    }

    @Test
    void replicas_of_different_lock_ids_lead_at_once() {
        RelayLeadership tags = replica(104);
        RelayLeadership triggers = replica(105);

        assertThat(await(tags.session())).isNotNull();
        assertThat(await(triggers.session())).isNotNull();
    }

    /** A replica as in production: its own pool, of one connection so that a resigned session is the next one lent. */
    private RelayLeadership replica(long lockId) {
        PgConnectOptions connectOptions = PgConnectOptions.fromUri(POSTGRES.reactiveUrl())
                .setUser(POSTGRES.username())
                .setPassword(POSTGRES.password());
        Pool pool = Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(1))
                .connectingTo(connectOptions)
                .using(vertx)
                .build());
        pools.add(pool);
        return new RelayLeadership(pool, lockId);
    }

    private static int backendPid(SqlConnection session) {
        return await(session.query("select pg_backend_pid()").execute())
                .iterator()
                .next()
                .getInteger(0);
    }

    /** The backends holding the session-level advisory lock; a bigint key is split into classid and objid. */
    private List<Integer> holdersOf(long lockId) {
        return jdbc
                .strings(
                        "select pid from pg_locks where locktype = 'advisory' and granted and objsubid = 1"
                                + " and (classid::bigint << 32 | objid::bigint) = ?::bigint",
                        String.valueOf(lockId))
                .stream()
                .map(Integer::valueOf)
                .toList();
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(10));
    }
}
