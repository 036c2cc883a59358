package dev.tagline.support.egress;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The rule of an outbound allow-list setting. A target passes when its name is listed, or when every address it
 * resolves to is listed or, with {@code public}, is public. Unspecified and multicast addresses never pass, nor
 * do IPv4 addresses spelled other than in dotted decimal.
 */
public final class OutboundAllowList {

    private final String setting;
    private final boolean anyPublic;
    private final List<OutboundRule.Named> names;
    private final List<OutboundRule.Addressed> addresses;

    /** @param setting the setting's name, for refusals to point at */
    public OutboundAllowList(String setting, List<OutboundRule> rules) {
        this.setting = setting;
        this.anyPublic = rules.stream().anyMatch(OutboundRule.AnyPublic.class::isInstance);
        this.names = rules.stream()
                .filter(OutboundRule.Named.class::isInstance)
                .map(OutboundRule.Named.class::cast)
                .toList();
        this.addresses = rules.stream()
                .filter(OutboundRule.Addressed.class::isInstance)
                .map(OutboundRule.Addressed.class::cast)
                .toList();
    }

    /** Why the target may not be reached whatever it resolves to: a name no entry could let through. */
    public Optional<String> refusalBeforeResolving(OutboundTarget target) {
        if (HostNames.isOtherAddressSpelling(target.host())) {
            return Optional.of(target.host() + " is an IP address in a spelling other than dotted decimal, which is"
                    + " never allowed");
        }
        if (anyPublic || !addresses.isEmpty() || listsByName(target)) {
            return Optional.empty();
        }
        return Optional.of(target.listedAs() + " is not allowed by " + setting);
    }

    /** Why the target may not be reached at the addresses it resolved to; empty when it may. */
    public Optional<String> refusal(OutboundTarget target, List<InetAddress> resolved) {
        if (resolved.isEmpty()) {
            return Optional.of(target.host() + " resolves to no address");
        }
        Optional<InetAddress> never =
                resolved.stream().filter(PublicAddresses::isNeverATarget).findFirst();
        if (never.isPresent()) {
            return Optional.of(target.host() + " resolves to " + never.get().getHostAddress()
                    + ", an unspecified or multicast address, which is never allowed");
        }
        if (listsByName(target)) {
            return Optional.empty();
        }
        return resolved.stream()
                .filter(address -> !passes(address, target.port()))
                .findFirst()
                .map(address -> target.host() + " resolves to the "
                        + (PublicAddresses.isPublic(address) ? "public" : "internal") + " address "
                        + address.getHostAddress() + ", which " + setting + " does not allow");
    }

    private boolean listsByName(OutboundTarget target) {
        return names.stream()
                .anyMatch(name ->
                        name.matches(target.host(), target.port()) || name.matches(target.listedAs(), target.port()));
    }

    private boolean passes(InetAddress address, int port) {
        return anyPublic && PublicAddresses.isPublic(address)
                || addresses.stream().anyMatch(listed -> listed.matches(address, port));
    }
}
