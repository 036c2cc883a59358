package dev.tagline.tags.service;

import dev.tagline.events.ImagePointer;
import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import dev.tagline.tags.domain.ImageStream;
import dev.tagline.tags.domain.SignedImage;
import dev.tagline.tags.domain.TrustedKeys;
import dev.tagline.tags.domain.Verification;
import dev.tagline.tags.store.ImagePolicyRepository;
import dev.tagline.tags.store.VerifiedImageRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Decides, on the per-event path, whether a tag may move to an observed image: freely under no policy, at once when a
 * check verified the image with one of its policies' keys, and otherwise not until a verdict says so.
 */
@ApplicationScoped
public class SignatureGate {

    /** What a would-be move of a tag to an image may do. */
    public sealed interface Decision {}

    /** The tag is under no policy: it moves as it always did. */
    public record Unguarded() implements Decision {}

    /** A check verified the image with a key of the tag's policies. */
    public record Trusted(Verification verification) implements Decision {}

    /** No check verified it with the tag's keys (yet): the tag waits for one, asked with these keys. */
    public record Untrusted(SignedImage image, List<TrustedKey> keys) implements Decision {}

    private final ImagePolicyRepository policies;
    private final VerifiedImageRepository verified;

    public SignatureGate(ImagePolicyRepository policies, VerifiedImageRepository verified) {
        this.policies = policies;
        this.verified = verified;
    }

    public Uni<Decision> judge(ImageStream stream, ImagePointer image) {
        return policies.rulesOf(List.of(stream.namespace)).chain(rules -> {
            List<TrustedKey> keys = rules.keysFor(stream.namespace, stream.name);
            if (keys.isEmpty()) {
                return Uni.createFrom().item(new Unguarded());
            }
            SignedImage signed = SignedImage.of(image.dockerImageReference());
            return verified.keysOf(signed)
                    .map(verifiedKeys -> TrustedKeys.firstVerified(keys, verifiedKeys)
                            .<Decision>map(
                                    key -> new Trusted(Verification.verifiedBy(key, "verified by an earlier check")))
                            .orElseGet(() -> new Untrusted(signed, keys)));
        });
    }
}
