package dev.tagline.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** How one kind of API answer shows as a table and as {@code kind/name} lines. */
public interface Listing {

    Table table(JsonNode answer, boolean wide);

    List<String> names(JsonNode answer);
}
