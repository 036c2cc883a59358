package dev.tagline.imports.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which registries {@code tagline.imports.allowed-registries} lets imports reach, by name and by resolved address. */
class RegistryAllowListTest {

    private static final RegistryAllowList ANY_PUBLIC = RegistryAllowList.of(List.of("*"));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
        "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "fec0::1", "ff02::1",
        "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1"})
    void by_default_an_internal_address_is_refused(String address) throws UnknownHostException {
        assertThat(ANY_PUBLIC.refusal("registry.example", "registry.example", 443, List.of(InetAddress.getByName(address))))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("internal address"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "34.120.1.1", "2606:4700::1111"})
    void by_default_a_public_address_is_allowed(String address) throws UnknownHostException {
        assertThat(ANY_PUBLIC.refusal("quay.io", "quay.io", 443, List.of(InetAddress.getByName(address)))).isEmpty();
    }

    @Test
    void one_internal_address_among_public_ones_is_refused() throws UnknownHostException {
        assertThat(ANY_PUBLIC.refusal("quay.io", "quay.io", 443,
                List.of(InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.1")))).isPresent();
    }

    @Test
    void a_listed_host_is_allowed_whatever_it_resolves_to() throws UnknownHostException {
        RegistryAllowList list = RegistryAllowList.of(List.of("*", "registry.corp:5000", "*.internal.example",
                "[fd00::5]"));
        List<InetAddress> internal = List.of(InetAddress.getByName("10.0.0.1"));
        assertThat(list.refusal("registry.corp:5000", "registry.corp", 5000, internal)).isEmpty();
        assertThat(list.refusal("registry.corp:5001", "registry.corp", 5001, internal)).isPresent();
        assertThat(list.refusal("a.internal.example", "a.internal.example", 443, internal)).isEmpty();
        assertThat(list.refusal("internal.example", "internal.example", 443, internal)).isPresent();
        assertThat(list.refusal("[fd00::5]:5000", "fd00::5", 5000, internal)).isEmpty();
    }

    @Test
    void without_a_star_only_listed_registries_are_allowed() throws UnknownHostException {
        RegistryAllowList list = RegistryAllowList.of(List.of("127.0.0.1"));
        assertThat(list.refusalBeforeResolving("127.0.0.1:5000", "127.0.0.1", 5000)).isEmpty();
        assertThat(list.refusalBeforeResolving("quay.io", "quay.io", 443))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("not allowed"));
        assertThat(list.refusal("quay.io", "quay.io", 443, List.of(InetAddress.getByName("8.8.8.8")))).isPresent();
    }

    @Test
    void docker_hub_is_listed_by_the_name_references_use() {
        RegistryAllowList list = RegistryAllowList.of(List.of("docker.io"));
        assertThat(list.refusalBeforeResolving("docker.io", "registry-1.docker.io", 443)).isEmpty();
    }

    @Test
    void an_unreadable_entry_is_refused_at_start_up() {
        assertThatThrownBy(() -> RegistryAllowList.of(List.of("quay.io:http"))).hasMessageContaining("quay.io:http");
        assertThatThrownBy(() -> RegistryAllowList.of(List.of("*quay.io"))).hasMessageContaining("*quay.io");
    }
}
