package dev.tagline.cli.views;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.cli.output.Ages;
import dev.tagline.cli.output.Listing;
import dev.tagline.cli.output.Table;
import java.util.ArrayList;
import java.util.List;

/** A tag's history, newest first: GENERATION, IMAGE, CAUSE, HELD, CREATED; the item the tag points at starred. */
public final class HistoryListing implements Listing {

    @Override
    public Table table(JsonNode tag, boolean wide) {
        Table table = new Table(headers(wide));
        tag.path("history").forEach(item -> table.row(row(item, tag.path("generation").asLong(), wide)));
        return table;
    }

    public List<String> headers(boolean wide) {
        List<String> headers = new ArrayList<>(List.of(" ", "GENERATION", "IMAGE", "CAUSE", "HELD", "CREATED"));
        if (wide) {
            headers.add("IMAGE REFERENCE");
        }
        return headers;
    }

    /** @param currentGeneration the generation the tag points at, to star its item */
    public List<String> row(JsonNode item, long currentGeneration, boolean wide) {
        long generation = item.path("generation").asLong();
        String digest = item.path("image").asText();
        List<String> row = new ArrayList<>(List.of(generation == currentGeneration ? "*" : " ",
                String.valueOf(generation), wide ? digest : Items.shortDigest(digest), item.path("cause").asText(),
                String.valueOf(item.path("held").asBoolean()), Ages.since(Items.text(item, "/created"))));
        if (wide) {
            row.add(item.path("dockerImageReference").asText());
        }
        return row;
    }

    @Override
    public List<String> names(JsonNode tag) {
        List<String> names = new ArrayList<>();
        String stream = tag.path("name").asText().split(":")[0];
        tag.path("history").forEach(item -> names.add("imagestreamimage/" + stream + "@" + item.path("image").asText()));
        return names;
    }
}
