package dev.tagline.imports.signing;

import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import dev.tagline.events.SignatureVerdict;
import dev.tagline.events.signing.PublicKeys;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges the signatures found for an image against the keys of a request, with the JDK's own signature algorithms:
 * a signature counts only when its payload names exactly this digest and this repository and it verifies with a
 * listed key. Several signatures give one verdict by the precedence {@link SignatureVerdict} documents.
 */
public final class SignatureVerifier {

    /** Longest message published: enough to say what was found, small for every consumer. */
    static final int MAX_MESSAGE = 1024;

    private static final int MAX_NAME = 200;

    private SignatureVerifier() {}

    /** @param keys already validated: each PEM parses and has its fingerprint */
    public static SignatureCheckOutcome judge(
            String registry, String repository, String digest, List<TrustedKey> keys, SignatureSearch search) {
        Map<String, PublicKey> publicKeys = new LinkedHashMap<>();
        keys.forEach(key -> publicKeys.put(key.fingerprint(), PublicKeys.parse(key.publicKey())));
        Set<String> verifiedBy = new LinkedHashSet<>();
        List<String> verifiedAt = new ArrayList<>();
        List<String> errors = new ArrayList<>(search.errors());
        int untrusted = 0;
        List<String> mismatched = new ArrayList<>();
        for (FoundSignature found : search.found()) {
            Optional<SimpleSigningPayload> payload = SimpleSigningPayload.parse(found.payload());
            if (payload.isEmpty()) {
                errors.add(found.location() + " is not a cosign container image signature");
            } else if (!payload.get().names(registry, repository, digest)) {
                mismatched.add(printable(
                        payload.get().dockerReference() + "@" + payload.get().manifestDigest()));
            } else {
                List<String> verifying = verifyingKeys(publicKeys, found);
                if (verifying.isEmpty()) {
                    untrusted++;
                } else {
                    verifiedBy.addAll(verifying);
                    verifiedAt.add(found.location());
                }
            }
        }
        if (!verifiedBy.isEmpty()) {
            return outcome(
                    SignatureVerdict.Verified,
                    List.copyOf(verifiedBy),
                    "verified by " + String.join(", ", verifiedBy) + " (" + String.join(", ", verifiedAt) + ")");
        }
        if (!errors.isEmpty()) {
            return outcome(SignatureVerdict.RegistryError, List.of(), String.join("; ", errors));
        }
        if (untrusted > 0) {
            return outcome(
                    SignatureVerdict.UntrustedKey,
                    List.of(),
                    untrusted + " signature(s) name this image" + " but none verifies with the " + keys.size()
                            + " listed key(s)");
        }
        if (!mismatched.isEmpty()) {
            return outcome(
                    SignatureVerdict.DigestMismatch,
                    List.of(),
                    mismatched.size() + " signature(s) found," + " none for this digest and repository; they name "
                            + String.join(", ", mismatched));
        }
        return outcome(SignatureVerdict.Unsigned, List.of(), "no signature: neither a signature tag nor a referrer");
    }

    private static List<String> verifyingKeys(Map<String, PublicKey> keys, FoundSignature found) {
        List<String> verifying = new ArrayList<>();
        keys.forEach((fingerprint, key) -> {
            if (verifies(key, found)) {
                verifying.add(fingerprint);
            }
        });
        return verifying;
    }

    private static boolean verifies(PublicKey key, FoundSignature found) {
        try {
            Signature verifier = Signature.getInstance(PublicKeys.signatureAlgorithm(key));
            verifier.initVerify(key);
            verifier.update(found.payload());
            return verifier.verify(found.signature());
        } catch (GeneralSecurityException | RuntimeException malformedSignature) {
            // A signature that is not even well-formed (bad DER, wrong length) verifies with no key.
            return false;
        }
    }

    /** What a signer wrote, fit for a message: no control characters, not too long. */
    private static String printable(String text) {
        String shown = text.codePoints()
                .filter(c -> c >= ' ' && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return shown.length() > MAX_NAME ? shown.substring(0, MAX_NAME) + "…" : shown;
    }

    private static SignatureCheckOutcome outcome(SignatureVerdict verdict, List<String> verifiedBy, String message) {
        String bounded = message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
        return new SignatureCheckOutcome(verdict, verifiedBy, bounded);
    }
}
