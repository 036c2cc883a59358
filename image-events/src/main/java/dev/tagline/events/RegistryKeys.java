package dev.tagline.events;

/** Kafka keys for topics keyed by registry tag or image, so that one tag's or one image's events stay in order. */
final class RegistryKeys {

    private RegistryKeys() {}

    /** {@code registry/repository:tag}, or {@code registry/repository} for an event without a tag. */
    static String tagKey(String registry, String repository, String tag) {
        String name = registry + "/" + repository;
        return tag == null ? name : name + ":" + tag;
    }

    /** {@code registry/repository@digest}. */
    static String digestKey(String registry, String repository, String digest) {
        return registry + "/" + repository + "@" + digest;
    }
}
