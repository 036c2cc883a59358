package dev.tagline.access;

import java.util.Locale;
import java.util.Optional;

/** What a caller may do in one namespace; each role includes the ones before it. */
public enum Role {
    /** Read streams, tags, images, history and triggers. */
    VIEW,
    /** Tag, roll back, import, change spec tags, manage triggers. */
    EDIT,
    /** Delete streams, and everything else in the namespace. */
    ADMIN;

    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The role a group names after its colon ({@code view}, {@code edit}, {@code admin}). */
    static Optional<Role> named(String name) {
        for (Role role : values()) {
            if (role.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
