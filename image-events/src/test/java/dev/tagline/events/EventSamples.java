package dev.tagline.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Sample data for every event type: fully populated, and minimal with every nullable field null. */
final class EventSamples {

    static final String DIGEST = "sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    static final String PREVIOUS_DIGEST = "sha256:fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9";
    static final String ARM64_DIGEST = "sha256:baa5a0964d3320fbc0c6a922140453c8513ea24ab8fd0577034804a967248096";
    static final Instant AT = Instant.parse("2026-11-03T09:15:30.123Z");
    static final String PUBLIC_KEY = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAECaVDbN2XPo/hSXqsuZtX19ctR7Yf
            7OTo9EQ9xweVXQK2gOlGjFA38enrqYVWXV8hKyR8BVfkELEURi37Acvuaw==
            -----END PUBLIC KEY-----
            """;
    static final String KEY_FINGERPRINT = "sha256:4ef1c0e0e0376c54b79c9264c556e506620ef86d59c9390b3c251db6d7c5e179";

    private static final Origin WEBHOOK =
            new Origin(Origin.Kind.WEBHOOK, "local-registry", "7f4c1a8e-2b9d-4e55-9c61-0d2f3a4b5c6d", "ci-bot");
    private static final Origin SCHEDULED = new Origin(Origin.Kind.SCHEDULED_IMPORT, "import-service-0", null, null);
    private static final StreamTagRef TARGET = new StreamTagRef("team-a", "app", "v1");
    private static final RegistryTagChanged.Target IMPORT_TARGET = new RegistryTagChanged.Target(
            "team-a",
            "app",
            "v1",
            new ImportPolicy(true, true, ImportPolicy.ImportMode.PreserveOriginal),
            ReferencePolicy.Local);
    private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    private EventSamples() {}

    static Object full(EventType type) {
        return switch (type) {
            case REGISTRY_TAG_CHANGED ->
                new RegistryTagChanged(
                        "127.0.0.1:5000",
                        "team-a/app",
                        "v1",
                        DIGEST,
                        OCI_INDEX,
                        1_609L,
                        List.of(
                                new Platform(PREVIOUS_DIGEST, "linux", "amd64", null),
                                new Platform(ARM64_DIGEST, "linux", "arm64", "v8")),
                        AT,
                        WEBHOOK,
                        IMPORT_TARGET);
            case REGISTRY_TAG_DELETED ->
                new RegistryTagDeleted("127.0.0.1:5000", "team-a/app", "v1", DIGEST, AT, WEBHOOK);
            case REGISTRY_TAG_IMPORT_FAILED ->
                new RegistryTagImportFailed(
                        "quay.io",
                        "org/app",
                        "v1",
                        ImportFailureReason.UNAUTHORIZED,
                        "401 Unauthorized from quay.io",
                        AT,
                        new Origin(Origin.Kind.IMPORT, "import-service-0", null, "alice"),
                        TARGET);
            case IMAGESTREAM_TAG_UPDATED -> imageStreamTagUpdated();
            case IMAGESTREAM_TAG_DELETED ->
                new ImageStreamTagDeleted(
                        "team-a",
                        "app",
                        "v1",
                        ImageStreamTagDeleted.Reason.SOURCE_DELETED,
                        new ImagePointer(DIGEST, "127.0.0.1:5000/team-a/app@" + DIGEST),
                        AT);
            case IMAGESTREAM_TAG_SPEC_CHANGED ->
                new ImageStreamTagSpecChanged(
                        "team-a",
                        "app",
                        "v1",
                        ImageStreamTagSpecChanged.Change.UPDATED,
                        new TagSpec(
                                "v1",
                                new TagReference(TagReference.Kind.ImageStreamTag, "team-b", "base:stable"),
                                true,
                                ReferencePolicy.Local,
                                new ImportPolicy(true, true, ImportPolicy.ImportMode.PreserveOriginal)),
                        AT);
            case IMAGESTREAM_TAG_IMPORT_FAILED ->
                new ImageStreamTagImportFailed(
                        "team-a",
                        "app",
                        "v1",
                        "quay.io/org/app:v1",
                        ImportFailureReason.RATE_LIMITED,
                        "429 Too Many Requests",
                        AT);
            case TRIGGER_BUILD_REQUESTED ->
                triggerActionRequested(
                        TriggerActionRequested.Kind.BUILD,
                        Map.of("buildConfig", "app-build", "args", List.of("--no-cache")));
            case TRIGGER_DEPLOY_REQUESTED ->
                triggerActionRequested(
                        TriggerActionRequested.Kind.DEPLOY,
                        Map.of("deployment", "web", "containers", List.of("web", "sidecar")));
            case IMPORT_REQUESTED -> new ImportRequested("quay.io", "org/app", "v1", AT, WEBHOOK);
            case SIGNATURE_CHECK_REQUESTED ->
                new SignatureCheckRequested(
                        "127.0.0.1:5000",
                        "team-a/app",
                        DIGEST,
                        List.of(new SignatureCheckRequested.TrustedKey(KEY_FINGERPRINT, PUBLIC_KEY)),
                        AT);
            case REGISTRY_SIGNATURE_CHECKED ->
                new RegistrySignatureChecked(
                        "127.0.0.1:5000",
                        "team-a/app",
                        DIGEST,
                        SignatureVerdict.Verified,
                        List.of(KEY_FINGERPRINT),
                        List.of(KEY_FINGERPRINT),
                        "1 signature verified",
                        AT);
        };
    }

    static Object minimal(EventType type) {
        return switch (type) {
            case REGISTRY_TAG_CHANGED ->
                new RegistryTagChanged(
                        "docker.io", "library/nginx", "latest", DIGEST, null, null, List.of(), AT, SCHEDULED, null);
            case REGISTRY_TAG_DELETED ->
                new RegistryTagDeleted("127.0.0.1:5000", "team-a/app", null, null, AT, SCHEDULED);
            case REGISTRY_TAG_IMPORT_FAILED ->
                new RegistryTagImportFailed(
                        "quay.io", "org/app", "v1", ImportFailureReason.NOT_FOUND, "", AT, SCHEDULED, null);
            case IMAGESTREAM_TAG_UPDATED ->
                new ImageStreamTagUpdated(
                        "team-a",
                        "app",
                        "v1",
                        0,
                        new StreamImage(DIGEST, "127.0.0.1:5000/team-a/app@" + DIGEST, OCI_MANIFEST),
                        null,
                        TagChangeCause.PUSH,
                        AT);
            case IMAGESTREAM_TAG_DELETED ->
                new ImageStreamTagDeleted("team-a", "app", "v1", ImageStreamTagDeleted.Reason.REMOVED, null, AT);
            case IMAGESTREAM_TAG_SPEC_CHANGED ->
                new ImageStreamTagSpecChanged(
                        "team-a", "app", "v1", ImageStreamTagSpecChanged.Change.REMOVED, null, AT);
            case IMAGESTREAM_TAG_IMPORT_FAILED,
                    TRIGGER_BUILD_REQUESTED,
                    TRIGGER_DEPLOY_REQUESTED,
                    IMPORT_REQUESTED,
                    SIGNATURE_CHECK_REQUESTED -> withoutOptions(type);
            case REGISTRY_SIGNATURE_CHECKED ->
                new RegistrySignatureChecked(
                        "127.0.0.1:5000",
                        "team-a/app",
                        DIGEST,
                        SignatureVerdict.Unsigned,
                        List.of(),
                        List.of(KEY_FINGERPRINT),
                        "no signature",
                        AT);
        };
    }

    static ImageStreamTagUpdated imageStreamTagUpdated() {
        return new ImageStreamTagUpdated(
                "team-a",
                "app",
                "v1",
                7,
                new StreamImage(DIGEST, "127.0.0.1:5000/team-a/app@" + DIGEST, OCI_INDEX),
                new ImagePointer(PREVIOUS_DIGEST, "127.0.0.1:5000/team-a/app@" + PREVIOUS_DIGEST),
                TagChangeCause.SCHEDULED_IMPORT,
                AT);
    }

    /** Types without nullable fields: the full sample, with empty collections where it has any. */
    private static Object withoutOptions(EventType type) {
        Object full = full(type);
        if (full instanceof TriggerActionRequested action) {
            return new TriggerActionRequested(
                    action.trigger(), null, action.image(), action.from(), action.idempotencyKey());
        }
        return full;
    }

    private static TriggerActionRequested triggerActionRequested(
            TriggerActionRequested.Kind kind, Map<String, Object> params) {
        return new TriggerActionRequested(
                new TriggerActionRequested.Trigger("team-a", "web", kind),
                params,
                new ImagePointer(DIGEST, "127.0.0.1:5000/team-a/app@" + DIGEST),
                new TriggerActionRequested.Source("team-a", "app", "v1", 7),
                "team-a/web@" + DIGEST);
    }
}
