package dev.tagline.cli.views;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.cli.output.Listing;
import dev.tagline.cli.output.Table;
import java.util.ArrayList;
import java.util.List;

/** The impact preview: the triggers that follow a tag, in every namespace the caller may view, and whether each would fire. */
public final class ImpactListing implements Listing {

    @Override
    public Table table(JsonNode impact, boolean wide) {
        List<String> headers = new ArrayList<>(List.of("NAMESPACE", "NAME", "KIND", "PAUSED", "WOULD FIRE", "REASON"));
        if (wide) {
            headers.add("WEBHOOK");
        }
        Table table = new Table(headers);
        for (JsonNode trigger : impact.path("triggers")) {
            List<String> row = new ArrayList<>(List.of(
                    trigger.path("namespace").asText(),
                    trigger.path("name").asText(),
                    trigger.path("kind").asText(),
                    String.valueOf(trigger.path("paused").asBoolean()),
                    String.valueOf(trigger.path("wouldFire").asBoolean()),
                    Items.text(trigger, "/reason")));
            if (wide) {
                row.add(Items.text(trigger, "/webhook/url"));
            }
            table.row(row);
        }
        return table;
    }

    @Override
    public List<String> names(JsonNode impact) {
        List<String> names = new ArrayList<>();
        impact.path("triggers")
                .forEach(trigger -> names.add(trigger.path("namespace").asText() + "/trigger/"
                        + trigger.path("name").asText()));
        return names;
    }
}
