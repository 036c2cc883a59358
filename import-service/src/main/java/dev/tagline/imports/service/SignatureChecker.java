package dev.tagline.imports.service;

import dev.tagline.events.SignatureVerdict;
import dev.tagline.imports.domain.RequestedCheck;
import dev.tagline.imports.registry.SignatureFinder;
import dev.tagline.imports.signing.SignatureCheckOutcome;
import dev.tagline.imports.signing.SignatureVerifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checks one image's cosign signatures against a request's keys, asking the registry outside any transaction; a
 * registry that asked to be left alone is not asked at all, and that is a registry error for this check.
 */
@ApplicationScoped
public class SignatureChecker {

    private final SignatureFinder finder;
    private final RegistryPauses pauses;

    public SignatureChecker(SignatureFinder finder, RegistryPauses pauses) {
        this.finder = finder;
        this.pauses = pauses;
    }

    /** Never fails because of the registry: that is a verdict. */
    public Uni<SignatureCheckOutcome> check(RequestedCheck check, boolean insecure) {
        Optional<Instant> paused = pauses.pausedUntil(check.registry(), Instant.now());
        if (paused.isPresent()) {
            return Uni.createFrom()
                    .item(new SignatureCheckOutcome(
                            SignatureVerdict.RegistryError,
                            List.of(),
                            check.registry() + " asked to be left alone until " + paused.get()));
        }
        return finder.find(check.registry(), check.repository(), check.digest(), insecure)
                .map(search -> SignatureVerifier.judge(
                        check.registry(), check.repository(), check.digest().toString(), check.keys(), search));
    }
}
