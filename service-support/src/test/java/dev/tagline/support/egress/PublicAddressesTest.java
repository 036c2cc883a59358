package dev.tagline.support.egress;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The address table of the README, row by row: what {@code public} lets through, on literal addresses (no DNS).
 * Names and other spellings are {@link OutboundGuardTest}'s.
 */
class PublicAddressesTest {

    private static final OutboundAllowList PUBLIC_ONLY =
            new OutboundAllowList("setting", List.of(new OutboundRule.AnyPublic()));

    @ParameterizedTest(name = "{0} ({1}) is {2}")
    @CsvSource({
        "10.0.0.1,                         IPv4 private (RFC 1918),                  refused",
        "172.16.0.1,                       IPv4 private (RFC 1918),                  refused",
        "192.168.1.1,                      IPv4 private (RFC 1918),                  refused",
        "127.0.0.1,                        IPv4 loopback,                            refused",
        "127.255.255.254,                  IPv4 loopback,                            refused",
        "169.254.169.254,                  IPv4 link-local (cloud metadata),         refused",
        "100.64.0.1,                       IPv4 carrier-grade NAT,                   refused",
        "0.0.0.0,                          IPv4 unspecified,                         refused",
        "0.1.2.3,                          IPv4 'this network',                      refused",
        "224.0.0.1,                        IPv4 multicast,                           refused",
        "255.255.255.255,                  IPv4 broadcast,                           refused",
        "240.0.0.1,                        IPv4 reserved,                            refused",
        "192.0.0.1,                        IPv4 IETF protocol assignments,           refused",
        "192.0.2.1,                        IPv4 documentation,                       refused",
        "198.51.100.1,                     IPv4 documentation,                       refused",
        "203.0.113.1,                      IPv4 documentation,                       refused",
        "198.18.0.1,                       IPv4 benchmarking,                        refused",
        "192.88.99.1,                      IPv4 6to4 relay anycast,                  refused",
        "8.8.8.8,                          IPv4 public,                              allowed",
        "100.128.0.1,                      IPv4 public next to carrier-grade NAT,    allowed",
        "172.32.0.1,                       IPv4 public next to 172.16.0.0/12,        allowed",
        "::1,                              IPv6 loopback,                            refused",
        "::,                               IPv6 unspecified,                         refused",
        "fe80::1,                          IPv6 link-local,                          refused",
        "fc00::1,                          IPv6 unique local (ULA),                  refused",
        "fd12:3456::1,                     IPv6 unique local (ULA),                  refused",
        "fec0::1,                          IPv6 site-local (deprecated),             refused",
        "ff02::1,                          IPv6 multicast,                           refused",
        "100::1,                           IPv6 discard-only,                        refused",
        "2001:db8::1,                      IPv6 documentation,                       refused",
        "3fff::1,                          IPv6 documentation,                       refused",
        "2001:2::1,                        IPv6 benchmarking,                        refused",
        "::ffff:10.0.0.1,                  IPv4-mapped 10.0.0.1,                     refused",
        "::ffff:127.0.0.1,                 IPv4-mapped 127.0.0.1,                    refused",
        "::ffff:8.8.8.8,                   IPv4-mapped 8.8.8.8,                      allowed",
        "::10.0.0.1,                       IPv4-compatible 10.0.0.1,                 refused",
        "::169.254.169.254,                IPv4-compatible 169.254.169.254,          refused",
        "::8.8.8.8,                        IPv4-compatible 8.8.8.8,                  allowed",
        "2002:a00:1::1,                    6to4 of 10.0.0.1,                         refused",
        "2002:7f00:1::1,                   6to4 of 127.0.0.1,                        refused",
        "2002:808:808::1,                  6to4 of 8.8.8.8,                          allowed",
        "2001:0:4136:e378:8000:63bf:f5ff:fffe, Teredo with client 10.0.0.1,          refused",
        "2001:0:4136:e378:8000:63bf:80ff:fffe, Teredo with client 127.0.0.1,         refused",
        "2001:0:4136:e378:8000:63bf:f7f7:f7f7, Teredo with client 8.8.8.8,           allowed",
        "64:ff9b::a00:1,                   NAT64 of 10.0.0.1,                        refused",
        "64:ff9b::7f00:1,                  NAT64 of 127.0.0.1,                       refused",
        "64:ff9b::808:808,                 NAT64 of 8.8.8.8,                         allowed",
        "64:ff9b:1::a00:1,                 local-use NAT64,                          refused",
        "2606:4700::6810:84e5,             IPv6 public,                              allowed",
        "2a00:1450:4001:81c::200e,         IPv6 public,                              allowed"
    })
    void public_lets_through_only_addresses_of_the_public_internet(String address, String kind, String verdict) {
        assertThat(PUBLIC_ONLY
                        .refusal(OutboundTarget.of("hooks.example.com", 443), List.of(InetAddresses.forString(address)))
                        .isEmpty())
                .as(kind)
                .isEqualTo(verdict.equals("allowed"));
    }
}
