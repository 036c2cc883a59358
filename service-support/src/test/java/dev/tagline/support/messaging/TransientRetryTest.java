package dev.tagline.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.events.MalformedEventException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TransientRetryTest {

    @Test
    void a_malformed_event_is_never_retried() {
        assertThat(TransientRetry.isTransient(new RuntimeException(new MalformedEventException("data", "no data"))))
                .isFalse();
    }

    @Test
    void data_the_database_refuses_for_good_is_never_retried() {
        assertThat(TransientRetry.isTransient(new SQLException("NUL in text", "22021")))
                .isFalse();
        assertThat(TransientRetry.isTransient(new SQLException("index row too large", "54000")))
                .isFalse();
    }

    @Test
    void a_lost_connection_or_deadlock_is_retried() {
        assertThat(TransientRetry.isTransient(new SQLException("connection lost", "08006")))
                .isTrue();
        assertThat(TransientRetry.isTransient(new SQLException("deadlock", "40P01")))
                .isTrue();
        assertThat(TransientRetry.isTransient(new IllegalStateException("pool closed")))
                .isTrue();
    }
}
