package dev.tagline.access;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being served, set once it is authenticated. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("No authenticated caller in this request");
        }
        return caller;
    }
}
