package dev.tagline.cli.views;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.cli.output.Ages;
import dev.tagline.cli.output.Listing;
import dev.tagline.cli.output.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Image streams as {@code oc get is} shows them: NAME, IMAGE REPOSITORY (the sources), TAGS, UPDATED. */
public final class ImageStreamListing implements Listing {

    @Override
    public Table table(JsonNode answer, boolean wide) {
        List<String> headers = new ArrayList<>(List.of("NAME", "IMAGE REPOSITORY", "TAGS", "UPDATED"));
        if (wide) {
            headers.addAll(List.of("GENERATION", "CREATED"));
        }
        Table table = new Table(headers);
        for (JsonNode stream : Items.of(answer)) {
            List<String> row = new ArrayList<>(List.of(
                    stream.path("name").asText(),
                    String.join(",", repositories(stream)),
                    String.join(",", tagNames(stream)),
                    Ages.since(newestChange(stream))));
            if (wide) {
                row.addAll(List.of(stream.path("generation").asText(), Ages.since(Items.text(stream, "/createdAt"))));
            }
            table.row(row);
        }
        return table;
    }

    @Override
    public List<String> names(JsonNode answer) {
        return Items.of(answer).stream()
                .map(stream -> "imagestream/" + stream.path("name").asText())
                .toList();
    }

    /** Where the images come from: the registry repositories the tags follow or point into. */
    private static Set<String> repositories(JsonNode stream) {
        Set<String> repositories = new LinkedHashSet<>();
        for (JsonNode tag : stream.at("/spec/tags")) {
            if ("DockerImage".equals(Items.text(tag, "/from/kind"))) {
                repositories.add(Items.repository(Items.text(tag, "/from/name")));
            }
        }
        for (JsonNode tag : stream.at("/status/tags")) {
            JsonNode current = Items.current(tag.path("items"));
            if (current != null) {
                repositories.add(
                        Items.repository(current.path("dockerImageReference").asText()));
            }
        }
        return repositories;
    }

    private static List<String> tagNames(JsonNode stream) {
        List<String> names = new ArrayList<>();
        stream.at("/spec/tags").forEach(tag -> names.add(tag.path("name").asText()));
        return names;
    }

    /** Items come newest first, so each tag's first one competes. */
    private static String newestChange(JsonNode stream) {
        Instant newest = null;
        for (JsonNode tag : stream.at("/status/tags")) {
            JsonNode first = tag.path("items").path(0);
            if (first.hasNonNull("created")) {
                Instant created = Instant.parse(first.get("created").asText());
                newest = newest == null || created.isAfter(newest) ? created : newest;
            }
        }
        return newest == null ? "" : newest.toString();
    }
}
