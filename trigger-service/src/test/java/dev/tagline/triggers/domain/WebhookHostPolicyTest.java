package dev.tagline.triggers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Unit test of the allowlist rules, on literal addresses (no DNS). */
class WebhookHostPolicyTest {

    private static final WebhookHostPolicy DEFAULT = new WebhookHostPolicy(List.of("public"));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "::1", "::", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "224.0.0.1", "198.18.0.1", "240.0.0.1"})
    void by_default_loopback_link_local_private_and_unspecified_addresses_are_refused(String address) {
        assertThat(DEFAULT.problem("hooks.example.com", List.of(ip(address)))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "140.82.112.3", "2606:4700::6810:84e5"})
    void by_default_public_addresses_pass(String address) {
        assertThat(DEFAULT.problem("hooks.example.com", List.of(ip(address)))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1,         127.0.0.1,          127.0.0.1, true",
            "127.0.0.1,         localhost,          127.0.0.1, true",
            "127.0.0.1,         hooks.example.com,  8.8.8.8,   false",
            "10.0.0.0/8,        ci.internal,        10.20.30.40, true",
            "10.0.0.0/8,        ci.internal,        11.0.0.1,  false",
            "ci.internal,       ci.internal,        10.20.30.40, true",
            "*.corp.example,    hooks.corp.example, 192.168.0.9, true",
            "*.corp.example,    corp.example.net,   192.168.0.9, false",
            "public,            ci.internal,        10.0.0.1,  false",
            "ci.internal,       ci.internal,        0.0.0.0,   false"})
    void listed_names_addresses_and_ranges_pass_and_nothing_else(String entry, String host, String address,
            boolean passes) {
        WebhookHostPolicy policy = new WebhookHostPolicy(List.of(entry));
        assertThat(policy.problem(host, List.of(ip(address))).isEmpty()).isEqualTo(passes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"public", "10.0.0.0/8"})
    void a_host_passes_only_when_every_address_it_resolves_to_passes(String entry) {
        WebhookHostPolicy policy = new WebhookHostPolicy(List.of(entry, "8.8.8.8"));
        assertThat(policy.problem("mixed.example.com", List.of(ip("8.8.8.8"), ip("127.0.0.1")))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "http://x", "a b"})
    void an_unreadable_entry_stops_the_service_from_starting(String entry) {
        assertThatThrownBy(() -> new WebhookHostPolicy(List.of(entry))).isInstanceOf(IllegalArgumentException.class);
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
