package dev.tagline.access;

/**
 * The caller may not do this. {@link #hidden()} means the caller cannot even see the namespace: it is answered as
 * 404, exactly like a namespace that does not exist, so that names do not leak; otherwise 403.
 */
public final class AccessDeniedException extends RuntimeException {

    private final boolean hidden;
    private final String field;

    private AccessDeniedException(String message, boolean hidden, String field) {
        super(message, null, false, false);
        this.hidden = hidden;
        this.field = field;
    }

    static AccessDeniedException hidden(String namespace, String field) {
        return new AccessDeniedException("namespace " + namespace + " not found", true, field);
    }

    static AccessDeniedException forbidden(String namespace, Role needed, String field) {
        return new AccessDeniedException(
                "this needs the " + needed.name().toLowerCase(java.util.Locale.ROOT) + " role in namespace "
                        + namespace,
                false,
                field);
    }

    static AccessDeniedException clusterAdminOnly() {
        return new AccessDeniedException("this needs the cluster-admin role", false, null);
    }

    public boolean hidden() {
        return hidden;
    }

    public String field() {
        return field;
    }
}
