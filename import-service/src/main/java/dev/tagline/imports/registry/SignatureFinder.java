package dev.tagline.imports.registry;

import dev.tagline.events.reference.Digest;
import dev.tagline.events.signing.CosignSignatureTags;
import dev.tagline.imports.config.ImportsConfig;
import dev.tagline.imports.signing.CosignSignatureManifest;
import dev.tagline.imports.signing.FoundSignature;
import dev.tagline.imports.signing.NotASignatureException;
import dev.tagline.imports.signing.ReferrersIndex;
import dev.tagline.imports.signing.SignatureSearch;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the cosign signatures of an image in its own repository, through the registry client's requests (so
 * credentials, the allow-list, timeouts and body limits apply): the manifest under the {@code sha256-<hex>.sig} tag,
 * and the manifests the OCI 1.1 referrers API lists where the registry offers it. Each simple-signing layer's
 * payload blob is fetched and checked against the layer's digest. Everything read is bounded: the documents'
 * sizes and the number of signatures and referrers. Nothing here fails: what could not be read is reported in the
 * {@link SignatureSearch}.
 */
@ApplicationScoped
public class SignatureFinder {

    private static final String MANIFEST_ACCEPT =
            String.join(", ", ManifestMediaTypes.OCI_MANIFEST, ManifestMediaTypes.DOCKER_MANIFEST);
    /** Answers that mean the registry does not offer the referrers API, as opposed to failing. */
    private static final Set<Integer> REFERRERS_NOT_OFFERED = Set.of(400, 404, 405, 406, 501);

    private final RegistryRequests requests;
    private final int maxSignatures;
    private final int maxDocumentBytes;

    public SignatureFinder(RegistryRequests requests, ImportsConfig config) {
        this.requests = requests;
        this.maxSignatures = config.signatures().maxSignatures();
        this.maxDocumentBytes = config.signatures().maxDocumentBytes();
    }

    public Uni<SignatureSearch> find(String registry, String repository, Digest digest, boolean insecure) {
        return requests.repository(registry, repository, insecure)
                .chain(admitted -> new Search(admitted, registry + "/" + repository, digest).run())
                .onFailure(ImportFailedException.class)
                .recoverWithItem(failure -> SignatureSearch.failed(failure.getMessage()));
    }

    /** One search; not thread-safe, its steps run one after the other. */
    private final class Search {

        private final RegistryRequests.Repository repository;
        private final String name;
        private final Digest digest;
        private final List<FoundSignature> found = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();

        Search(RegistryRequests.Repository repository, String name, Digest digest) {
            this.repository = repository;
            this.name = name;
            this.digest = digest;
        }

        Uni<SignatureSearch> run() {
            return recovering(signatureTag())
                    .chain(() -> recovering(referrers()))
                    .map(ignored -> new SignatureSearch(found, errors));
        }

        private Uni<Void> signatureTag() {
            String tag = CosignSignatureTags.of(digest);
            return repository
                    .send(HttpMethod.GET, "manifests/" + tag, MANIFEST_ACCEPT, maxDocumentBytes)
                    .chain(answer -> {
                        if (answer.status() == 404) {
                            return Uni.createFrom().voidItem();
                        }
                        requireOk(answer, "GET " + name + ":" + tag);
                        return signaturesIn(answer.body().getBytes(), tag);
                    });
        }

        private Uni<Void> referrers() {
            String what = "GET " + name + " referrers of " + digest;
            return repository
                    .send(HttpMethod.GET, "referrers/" + digest, ManifestMediaTypes.OCI_INDEX, maxDocumentBytes)
                    .chain(answer -> {
                        if (REFERRERS_NOT_OFFERED.contains(answer.status())) {
                            return Uni.createFrom().voidItem();
                        }
                        requireOk(answer, what);
                        List<ReferrersIndex.Candidate> candidates =
                                ReferrersIndex.candidates(answer.body().getBytes(), "the referrers of " + digest);
                        if (candidates.size() > maxSignatures) {
                            errors.add(name + " lists more than " + maxSignatures + " signature referrers; the rest"
                                    + " were not read");
                        }
                        return Multi.createFrom()
                                .iterable(
                                        candidates.stream().limit(maxSignatures).toList())
                                .onItem()
                                .transformToUniAndConcatenate(candidate -> recovering(referrer(candidate)))
                                .collect()
                                .last()
                                .replaceWithVoid();
                    });
        }

        private Uni<Void> referrer(ReferrersIndex.Candidate candidate) {
            String where = "referrer " + candidate.digest();
            return repository
                    .send(HttpMethod.GET, "manifests/" + candidate.digest(), MANIFEST_ACCEPT, maxDocumentBytes)
                    .chain(answer -> {
                        requireOk(answer, "GET " + name + "@" + candidate.digest());
                        byte[] body = answer.body().getBytes();
                        if (!ContentDigests.matches(candidate.digest(), answer.body())) {
                            throw new NotASignatureException(where + " does not have its digest");
                        }
                        if (!candidate.typedAsSignature() && !CosignSignatureManifest.hasSignatureLayers(body)) {
                            return Uni.createFrom().voidItem();
                        }
                        return signaturesIn(body, where);
                    });
        }

        private Uni<Void> signaturesIn(byte[] manifest, String where) {
            int room = maxSignatures - found.size();
            if (room <= 0) {
                errors.add(where + " was not read: " + maxSignatures + " signatures were read already");
                return Uni.createFrom().voidItem();
            }
            CosignSignatureManifest.Layers layers = CosignSignatureManifest.read(manifest, where, room);
            errors.addAll(layers.errors());
            return Multi.createFrom()
                    .iterable(layers.signatures())
                    .onItem()
                    .transformToUniAndConcatenate(layer -> recovering(payload(layer, where)))
                    .collect()
                    .last()
                    .replaceWithVoid();
        }

        private Uni<Void> payload(CosignSignatureManifest.SignatureLayer layer, String where) {
            String what = where + " payload " + layer.digest();
            return repository.blob(layer.digest().toString(), maxDocumentBytes).map(answer -> {
                requireOk(answer, "GET " + name + " blob " + layer.digest());
                if (!ContentDigests.matches(layer.digest(), answer.body())) {
                    throw new NotASignatureException(what + " does not have its digest");
                }
                found.add(new FoundSignature(answer.body().getBytes(), layer.signature(), what));
                return null;
            });
        }

        /** A step whose failure is reported and does not stop the others. */
        private Uni<Void> recovering(Uni<Void> step) {
            return step.onFailure(failure ->
                            failure instanceof ImportFailedException || failure instanceof NotASignatureException)
                    .recoverWithItem(failure -> {
                        errors.add(failure.getMessage());
                        return null;
                    });
        }

        private void requireOk(RegistryAnswer answer, String what) {
            if (answer.status() != 200) {
                throw RegistryErrors.failure(answer, what);
            }
        }
    }
}
