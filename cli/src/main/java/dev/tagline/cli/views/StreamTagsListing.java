package dev.tagline.cli.views;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.cli.output.Ages;
import dev.tagline.cli.output.Listing;
import dev.tagline.cli.output.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Every tag of every stream of a namespace, read from the streams (the API has no list of tags of its own), as
 * {@code oc get istag} shows them: NAME, IMAGE REFERENCE, UPDATED.
 */
public final class StreamTagsListing implements Listing {

    @Override
    public Table table(JsonNode streams, boolean wide) {
        List<String> headers = new ArrayList<>(List.of("NAME", "IMAGE REFERENCE", "UPDATED"));
        if (wide) {
            headers.addAll(List.of("SOURCE", "GENERATION"));
        }
        Table table = new Table(headers);
        for (JsonNode stream : Items.of(streams)) {
            for (JsonNode spec : stream.at("/spec/tags")) {
                String tag = spec.path("name").asText();
                JsonNode current = currentItem(stream, tag);
                List<String> row = new ArrayList<>(List.of(
                        stream.path("name").asText() + ":" + tag,
                        current == null
                                ? ""
                                : current.path("dockerImageReference").asText(),
                        current == null
                                ? ""
                                : Ages.since(current.path("created").asText())));
                if (wide) {
                    row.addAll(List.of(
                            Items.text(spec, "/from/name"),
                            current == null ? "" : current.path("generation").asText()));
                }
                table.row(row);
            }
        }
        return table;
    }

    @Override
    public List<String> names(JsonNode streams) {
        List<String> names = new ArrayList<>();
        for (JsonNode stream : Items.of(streams)) {
            stream.at("/spec/tags")
                    .forEach(spec ->
                            names.add("imagestreamtag/" + stream.path("name").asText() + ":"
                                    + spec.path("name").asText()));
        }
        return names;
    }

    private static JsonNode currentItem(JsonNode stream, String tag) {
        for (JsonNode status : stream.at("/status/tags")) {
            if (tag.equals(status.path("tag").asText())) {
                return Items.current(status.path("items"));
            }
        }
        return null;
    }
}
