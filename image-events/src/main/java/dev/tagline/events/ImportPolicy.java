package dev.tagline.events;

/**
 * How a spec tag's DockerImage source is imported.
 *
 * @param scheduled checked periodically by the import-service
 * @param insecure plain HTTP or unverified TLS allowed for this source
 */
public record ImportPolicy(boolean scheduled, boolean insecure, ImportMode importMode) {

    public static final ImportPolicy DEFAULT = new ImportPolicy(false, false, ImportMode.Legacy);

    public ImportPolicy {
        importMode = importMode == null ? ImportMode.Legacy : importMode;
    }

    /** Legacy imports one platform's manifest; PreserveOriginal keeps a manifest list as it is. */
    public enum ImportMode {
        Legacy,
        PreserveOriginal
    }
}
