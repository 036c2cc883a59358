package dev.tagline.imports.signing;

/**
 * One cosign signature as a registry holds it: the payload layer's bytes (already checked against the layer's
 * digest) and the signature over them, from the layer's {@code dev.cosignproject.cosign/signature} annotation.
 *
 * @param location where it was found, for messages, e.g. {@code sha256-….sig layer 0}
 */
public record FoundSignature(byte[] payload, byte[] signature, String location) {}
