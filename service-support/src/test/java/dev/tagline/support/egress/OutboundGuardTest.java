package dev.tagline.support.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.mutiny.core.Vertx;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard with the machine's own resolver, on a real Vert.x: names are resolved once, and checked. */
class OutboundGuardTest {

    private static final Vertx VERTX = Vertx.vertx();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @AfterAll
    static void close() {
        VERTX.closeAndAwait();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost",
                "127.0.0.1",
                "[::1]",
                "::1",
                "2130706433",
                "0177.0.0.1",
                "0x7f.0.0.1",
                "127.1",
                "::ffff:127.0.0.1",
                "2002:7f00:1::1",
                "64:ff9b::7f00:1"
            })
    void names_and_spellings_of_this_machine_are_refused_by_public(String host) {
        OutboundGuard guard = guard("public");
        String bare = host.replaceAll("[\\[\\]]", "");
        assertThatThrownBy(
                        () -> guard.admit(OutboundTarget.of(bare, 443)).await().atMost(WAIT))
                .isInstanceOfSatisfying(
                        OutboundTargetRefused.class,
                        refused -> assertThat(refused.why()).isEqualTo(OutboundTargetRefused.Why.NOT_ALLOWED));
    }

    @Test
    void a_listed_address_is_admitted_and_the_checked_address_is_the_one_to_connect_to() {
        InetAddress address = guard("public,127.0.0.1")
                .admit(OutboundTarget.of("localhost", 5000))
                .await()
                .atMost(WAIT);
        assertThat(address.getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void a_name_that_does_not_resolve_is_refused_as_unresolved() {
        assertThatThrownBy(() -> guard("public")
                        .admit(OutboundTarget.of("registry.invalid", 443))
                        .await()
                        .atMost(WAIT))
                .isInstanceOfSatisfying(
                        OutboundTargetRefused.class,
                        refused -> assertThat(refused.why()).isEqualTo(OutboundTargetRefused.Why.UNRESOLVED));
    }

    @Test
    void an_unlisted_name_is_refused_without_a_lookup_when_nothing_public_or_addressed_is_allowed() {
        assertThatThrownBy(() -> guard("registry.corp")
                        .admit(OutboundTarget.of("registry.invalid", 443))
                        .await()
                        .atMost(WAIT))
                .isInstanceOfSatisfying(
                        OutboundTargetRefused.class,
                        refused -> assertThat(refused.why()).isEqualTo(OutboundTargetRefused.Why.NOT_ALLOWED));
    }

    private static OutboundGuard guard(String entries) {
        List<OutboundRule> rules =
                List.of(entries.split(",")).stream().map(OutboundRule::parse).toList();
        return new OutboundGuard(VERTX, new OutboundAllowList("tagline.test.allowed-hosts", rules), WAIT);
    }
}
