package dev.tagline.access;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks the current caller's role in a namespace other than the one in the path: the source of a cross-namespace
 * tag, or the tag a trigger follows. Throws {@link AccessDeniedException}, which the API answers as 404 or 403.
 */
@ApplicationScoped
public class NamespaceAccess {

    private final CurrentCaller current;

    NamespaceAccess(CurrentCaller current) {
        this.current = current;
    }

    /** Requires {@code role} in {@code namespace}; {@code field} names the request field that named it. */
    public void require(String namespace, Role role, String field) {
        require(current.get(), namespace, role, field);
    }

    static void require(Caller caller, String namespace, Role role, String field) {
        Role held = caller.roleIn(namespace).orElseThrow(() -> AccessDeniedException.hidden(namespace, field));
        if (!held.includes(role)) {
            throw AccessDeniedException.forbidden(namespace, role, field);
        }
    }
}
