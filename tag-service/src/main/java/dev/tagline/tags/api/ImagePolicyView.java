package dev.tagline.tags.api;

import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import dev.tagline.tags.domain.ImagePolicy;
import dev.tagline.tags.domain.PolicyRule;
import java.util.List;

/**
 * An image policy as the API shows it.
 *
 * @param fingerprints {@code sha256:<hex>} of each public key, in the same order, as verdicts and history name them
 */
public record ImagePolicyView(
        String namespace, String name, List<String> streams, List<String> publicKeys, List<String> fingerprints) {

    static ImagePolicyView of(ImagePolicy policy) {
        PolicyRule rule = policy.rule();
        List<TrustedKey> keys = rule.keys();
        return new ImagePolicyView(
                policy.namespace,
                policy.name,
                rule.streams(),
                keys.stream().map(TrustedKey::publicKey).toList(),
                keys.stream().map(TrustedKey::fingerprint).toList());
    }
}
