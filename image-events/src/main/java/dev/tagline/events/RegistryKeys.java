package dev.tagline.events;

/** Kafka keys for topics keyed by registry tag, so that one tag's events stay in order. */
final class RegistryKeys {

    private RegistryKeys() {
    }

    /** {@code registry/repository:tag}, or {@code registry/repository} for an event without a tag. */
    static String tagKey(String registry, String repository, String tag) {
        String name = registry + "/" + repository;
        return tag == null ? name : name + ":" + tag;
    }
}
