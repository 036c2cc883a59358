package dev.tagline.support.egress;

/** A request that must not go where it was pointed, or whose host could not be resolved in time to tell. */
public class OutboundTargetRefused extends RuntimeException {

    /** Why: the allow-list refuses it, the name does not resolve, or resolving it took too long. */
    public enum Why {
        NOT_ALLOWED,
        UNRESOLVED,
        TIMED_OUT
    }

    private final Why why;

    public OutboundTargetRefused(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
