package dev.tagline.tags.domain;

import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The policies of some namespaces, asked which keys a stream's tags need: the union of every policy covering it. */
public final class PolicyRules {

    public static final PolicyRules NONE = new PolicyRules(List.of());

    private final List<PolicyRule> rules;

    public PolicyRules(Collection<PolicyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** @return the keys a signature of a tag's image must verify with, in policy order; empty for no policy */
    public List<TrustedKey> keysFor(String namespace, String stream) {
        if (rules.isEmpty()) {
            return List.of();
        }
        Map<String, TrustedKey> byFingerprint = new LinkedHashMap<>();
        for (PolicyRule rule : rules) {
            if (rule.covers(namespace, stream)) {
                rule.keys().forEach(key -> byFingerprint.putIfAbsent(key.fingerprint(), key));
            }
        }
        return new ArrayList<>(byFingerprint.values());
    }
}
