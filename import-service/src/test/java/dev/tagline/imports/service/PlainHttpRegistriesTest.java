package dev.tagline.imports.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.imports.config.PlainHttpRegistry;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which registries {@code signatures.insecure-registries} lists, as the converter reads its entries. */
class PlainHttpRegistriesTest {

    private static final Set<String> LISTED = Stream.of("Registry.Local:5000", "127.0.0.1", "[::1]")
            .map(value -> PlainHttpRegistry.of(value).entry())
            .collect(Collectors.toSet());

    @Test
    void a_host_with_a_port_lists_that_port_and_a_host_alone_lists_every_port() {
        assertThat(PlainHttpRegistries.lists(LISTED, "registry.local:5000")).isTrue();
        assertThat(PlainHttpRegistries.lists(LISTED, "registry.local:5001")).isFalse();
        assertThat(PlainHttpRegistries.lists(LISTED, "registry.local")).isFalse();
        assertThat(PlainHttpRegistries.lists(LISTED, "127.0.0.1:43210")).isTrue();
        assertThat(PlainHttpRegistries.lists(LISTED, "[::1]:5000")).isTrue();
        assertThat(PlainHttpRegistries.lists(LISTED, "quay.io")).isFalse();
    }
}
