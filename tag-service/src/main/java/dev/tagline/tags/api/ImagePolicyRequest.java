package dev.tagline.tags.api;

import java.util.List;

/**
 * The body of {@code PUT …/imagepolicies/{name}}.
 *
 * @param streams stream names, or {@code ["*"]} for every stream of the namespace
 * @param publicKeys PEM public keys ({@code -----BEGIN PUBLIC KEY-----}); a signature verifying with any one suffices
 */
public record ImagePolicyRequest(List<String> streams, List<String> publicKeys) {}
