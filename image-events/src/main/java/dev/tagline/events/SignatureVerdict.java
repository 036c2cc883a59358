package dev.tagline.events;

/**
 * The outcome of a signature check. When several signatures are found, one that verifies wins; otherwise the
 * first reason in this order that applies to any of them.
 */
public enum SignatureVerdict {
    /** A signature names this digest and repository and verifies with a listed key. */
    Verified,
    /** The registry could not be read: unreachable, refused, not allowed, or an answer that is not a signature. */
    RegistryError,
    /** A signature names this digest and repository but verifies with none of the listed keys. */
    UntrustedKey,
    /** Signatures were found, but every one names another digest or another repository. */
    DigestMismatch,
    /** No signature: neither a {@code sha256-<hex>.sig} tag nor a referrer. */
    Unsigned
}
