package dev.tagline.support.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The allow-list's entries and how they combine, on literal addresses (no DNS). */
class OutboundAllowListTest {

    private static final String SETTING = "tagline.test.allowed-hosts";

    @ParameterizedTest(name = "{0} lets {1}:{2} at {3} through: {4}")
    @CsvSource({
        "127.0.0.1,          127.0.0.1,          5000, 127.0.0.1,   true",
        "127.0.0.1,          localhost,          5000, 127.0.0.1,   true",
        "127.0.0.1,          hooks.example.com,  443,  8.8.8.8,     false",
        "127.0.0.1:5000,     127.0.0.1,          5000, 127.0.0.1,   true",
        "127.0.0.1:5000,     127.0.0.1,          5001, 127.0.0.1,   false",
        "10.0.0.0/8,         ci.internal,        443,  10.20.30.40, true",
        "10.0.0.0/8,         ci.internal,        443,  11.0.0.1,    false",
        "fd00::/8,           ci.internal,        443,  fd00::5,     true",
        "[fd00::5]:5000,     fd00::5,            5000, fd00::5,     true",
        "fd00::5,            fd00::5,            80,   fd00::5,     true",
        "ci.internal,        ci.internal,        443,  10.20.30.40, true",
        "registry.corp:5000, registry.corp,      5000, 10.0.0.1,    true",
        "registry.corp:5000, registry.corp,      5001, 10.0.0.1,    false",
        "*.corp.example,     hooks.corp.example, 443,  192.168.0.9, true",
        "*.corp.example,     corp.example,       443,  192.168.0.9, false",
        "*.corp.example,     corp.example.net,   443,  192.168.0.9, false",
        "*.corp.example:8443, a.corp.example,    8443, 192.168.0.9, true",
        "*.corp.example:8443, a.corp.example,    443,  192.168.0.9, false",
        "public,             ci.internal,        443,  10.0.0.1,    false",
        "public,             hooks.example.com,  443,  8.8.8.8,     true",
        "ci.internal,        ci.internal,        443,  0.0.0.0,     false",
        "0.0.0.0/0,          ci.internal,        443,  224.0.0.1,   false"
    })
    void listed_names_addresses_and_ranges_pass_and_nothing_else(
            String entry, String host, int port, String address, boolean passes) {
        OutboundAllowList list = list(entry);
        assertThat(list.refusal(OutboundTarget.of(host, port), List.of(ip(address)))
                        .isEmpty())
                .isEqualTo(passes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"public", "10.0.0.0/8"})
    void a_host_passes_only_when_every_address_it_resolves_to_passes(String entry) {
        OutboundAllowList list = list(entry, "8.8.8.8");
        assertThat(list.refusal(OutboundTarget.of("mixed.example.com", 443), List.of(ip("8.8.8.8"), ip("127.0.0.1"))))
                .hasValueSatisfying(refusal -> assertThat(refusal)
                        .contains("internal address 127.0.0.1")
                        .contains(SETTING));
    }

    @Test
    void a_registry_is_listed_by_the_name_references_use_as_well_as_by_the_host_reached() {
        OutboundAllowList list = list("docker.io");
        OutboundTarget hub = new OutboundTarget("registry-1.docker.io", 443, "docker.io");
        assertThat(list.refusalBeforeResolving(hub)).isEmpty();
        assertThat(list.refusal(hub, List.of(ip("10.0.0.1")))).isEmpty();
    }

    @Test
    void without_public_or_an_address_entry_an_unlisted_name_is_refused_before_any_lookup() {
        assertThat(list("registry.corp").refusalBeforeResolving(OutboundTarget.of("quay.io", 443)))
                .hasValue("quay.io is not allowed by " + SETTING);
        assertThat(list("127.0.0.1").refusalBeforeResolving(OutboundTarget.of("quay.io", 443)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "0177.0.0.1", "0x7f.0.0.1", "0x7f000001", "127.1", "10.1"})
    void an_ipv4_address_spelled_other_than_in_dotted_decimal_is_never_a_target(String host) {
        assertThat(list("public", "127.0.0.0/8").refusalBeforeResolving(OutboundTarget.of(host, 80)))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("spelling"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1:*",
                "*",
                "10.0.0.0/33",
                "10.0.0.0/x",
                "http://registry.corp",
                "a b",
                "quay.io:http",
                "*quay.io",
                "0177.0.0.1",
                "2130706433",
                "registry.corp:0",
                "registry.corp:70000",
                "[::1"
            })
    void an_unreadable_entry_is_refused_with_the_entry_named(String entry) {
        assertThatThrownBy(() -> OutboundRule.parse(entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + entry + "'")
                .hasMessageContaining(OutboundRule.GRAMMAR);
    }

    @Test
    void a_star_alone_points_at_public() {
        assertThatThrownBy(() -> OutboundRule.parse("*")).hasMessageContaining("'public'");
    }

    private static OutboundAllowList list(String... entries) {
        return new OutboundAllowList(
                SETTING, Arrays.stream(entries).map(OutboundRule::parse).toList());
    }

    private static InetAddress ip(String literal) {
        return InetAddresses.forString(literal);
    }
}
