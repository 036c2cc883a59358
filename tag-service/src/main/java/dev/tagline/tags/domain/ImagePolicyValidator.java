package dev.tagline.tags.domain;

import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import dev.tagline.events.reference.ResourceNames;
import dev.tagline.events.signing.InvalidPublicKeyException;
import dev.tagline.events.signing.PublicKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks what a user asks a policy to be, naming the field of the first mistake, before anything is stored. */
public final class ImagePolicyValidator {

    /** Bounded so that every check request, which carries all keys in PEM, stays small. */
    public static final int MAX_KEYS = 8;

    public static final int MAX_STREAMS = 100;

    private ImagePolicyValidator() {}

    public static ValidPolicy validate(List<String> streams, List<String> publicKeys) {
        return new ValidPolicy(streams(streams), keys(publicKeys));
    }

    private static List<String> streams(List<String> streams) {
        if (streams == null || streams.isEmpty()) {
            throw new InvalidSpecException("streams", "name at least one stream, or \"*\" for all");
        }
        if (streams.size() > MAX_STREAMS) {
            throw new InvalidSpecException("streams", streams.size() + " streams; at most " + MAX_STREAMS);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < streams.size(); i++) {
            String stream = streams.get(i);
            String field = "streams[" + i + "]";
            if (ImagePolicy.ALL_STREAMS.equals(stream)) {
                if (streams.size() > 1) {
                    throw new InvalidSpecException(field, "\"*\" names every stream; name no other with it");
                }
                continue;
            }
            ResourceNames.dns1123LabelProblem(stream).ifPresent(problem -> {
                throw new InvalidSpecException(field, problem);
            });
            if (!seen.add(stream)) {
                throw new InvalidSpecException(field, "stream " + stream + " is named twice");
            }
        }
        return List.copyOf(streams);
    }

    private static List<TrustedKey> keys(List<String> publicKeys) {
        if (publicKeys == null || publicKeys.isEmpty()) {
            throw new InvalidSpecException("publicKeys", "name at least one PEM public key");
        }
        if (publicKeys.size() > MAX_KEYS) {
            throw new InvalidSpecException("publicKeys", publicKeys.size() + " keys; at most " + MAX_KEYS);
        }
        List<TrustedKey> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < publicKeys.size(); i++) {
            String field = "publicKeys[" + i + "]";
            String fingerprint;
            try {
                fingerprint = PublicKeys.fingerprint(publicKeys.get(i));
            } catch (InvalidPublicKeyException e) {
                throw new InvalidSpecException(field, "the key " + e.getMessage());
            }
            if (!seen.add(fingerprint)) {
                throw new InvalidSpecException(field, "the key " + fingerprint + " is named twice");
            }
            keys.add(new TrustedKey(fingerprint, publicKeys.get(i).strip() + "\n"));
        }
        return keys;
    }
}
