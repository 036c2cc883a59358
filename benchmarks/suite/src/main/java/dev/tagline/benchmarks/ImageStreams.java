package dev.tagline.benchmarks;

import dev.tagline.testkit.TaglineStack.Service;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Image streams made for a benchmark through the tag-service's API. */
final class ImageStreams {

    private ImageStreams() {}

    /**
     * Creates stream {@code name} in {@code namespace} with tags {@code t0…t<tags-1>}, tag {@code tN} following
     * {@code <registry>/<namespace>/<name>:tN}; with {@code scheduled}, each is imported on the import-service's
     * schedule, over plain HTTP as a registry on this machine speaks it.
     */
    static void create(BenchStack stack, String namespace, String name, String registry, int tags, boolean scheduled) {
        String importPolicy = scheduled ? ",\"importPolicy\":{\"scheduled\":true,\"insecure\":true}" : "";
        String tagList = IntStream.range(0, tags)
                .mapToObj(t -> """
                {"name":"t%d","from":{"kind":"DockerImage","name":"%s/%s/%s:t%d"}%s}""".formatted(t, registry, namespace, name, t, importPolicy))
                .collect(Collectors.joining(","));
        stack.rest()
                .post(
                        stack.url(Service.TAG_SERVICE, namespace, "/imagestreams"),
                        "{\"name\":\"%s\",\"tags\":[%s]}".formatted(name, tagList));
    }
}
