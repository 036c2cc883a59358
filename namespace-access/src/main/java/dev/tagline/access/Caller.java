package dev.tagline.access;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who is calling and what they may do: their role per namespace, or every role everywhere for a cluster admin.
 * Roles come from groups named {@code <namespace>:<role>} (e.g. {@code team-a:edit}) and {@code cluster-admin};
 * other groups mean nothing here.
 */
public record Caller(String subject, boolean clusterAdmin, Map<String, Role> namespaceRoles) {

    public static final String CLUSTER_ADMIN_GROUP = "cluster-admin";

    public Caller {
        namespaceRoles = Map.copyOf(namespaceRoles);
    }

    public static Caller withGroups(String subject, Collection<String> groups) {
        Map<String, Role> roles = new HashMap<>();
        boolean clusterAdmin = false;
        for (String group : groups) {
            if (CLUSTER_ADMIN_GROUP.equals(group)) {
                clusterAdmin = true;
                continue;
            }
            int colon = group.lastIndexOf(':');
            if (colon > 0) {
                String namespace = group.substring(0, colon);
                // Of several groups for one namespace, the strongest role counts.
                Role.named(group.substring(colon + 1))
                        .ifPresent(role -> roles.merge(
                                namespace, role, (held, granted) -> held.includes(granted) ? held : granted));
            }
        }
        return new Caller(subject, clusterAdmin, roles);
    }

    /** The caller's role in {@code namespace}; empty means the namespace is invisible to them. */
    public Optional<Role> roleIn(String namespace) {
        return clusterAdmin ? Optional.of(Role.ADMIN) : Optional.ofNullable(namespaceRoles.get(namespace));
    }
}
