package dev.tagline.events;

/** Kafka topic names shared by every Tagline service. */
public final class Topics {

    public static final String REGISTRY_TAG_EVENTS = "registry-tag-events";
    public static final String IMAGESTREAM_TAG_EVENTS = "imagestream-tag-events";
    public static final String TRIGGER_ACTIONS = "trigger-actions";
    public static final String IMPORT_REQUESTS = "import-requests";

    private static final String DEAD_LETTER_SUFFIX = "-dlq";

    private Topics() {}

    /** The dead-letter topic SmallRye's failure strategy writes poison records of {@code topic} to. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
