package dev.tagline.cli.views;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.cli.output.Ages;
import dev.tagline.cli.output.Listing;
import dev.tagline.cli.output.Table;
import java.util.ArrayList;
import java.util.List;

/** Triggers: NAME, KIND, FROM, PAUSED, WEBHOOK, LAST IMAGE (the image it last fired for). */
public final class TriggerListing implements Listing {

    @Override
    public Table table(JsonNode answer, boolean wide) {
        List<String> headers = new ArrayList<>(List.of("NAME", "KIND", "FROM", "PAUSED", "WEBHOOK", "LAST IMAGE"));
        if (wide) {
            headers.addAll(List.of("CURRENT IMAGE", "LAST FIRED", "CREATED"));
        }
        Table table = new Table(headers);
        for (JsonNode trigger : Items.of(answer)) {
            String lastDigest = Items.text(trigger, "/lastTriggeredImage/digest");
            List<String> row = new ArrayList<>(List.of(
                    trigger.path("name").asText(),
                    trigger.path("kind").asText(),
                    Items.qualified(
                            Items.text(trigger, "/from/namespace"),
                            Items.text(trigger, "/from/name"),
                            trigger.path("namespace").asText()),
                    String.valueOf(trigger.path("paused").asBoolean()),
                    Items.text(trigger, "/webhook/url"),
                    wide ? lastDigest : Items.shortDigest(lastDigest)));
            if (wide) {
                row.addAll(List.of(
                        Items.text(trigger, "/currentImage/digest"),
                        Ages.since(Items.text(trigger, "/lastTriggeredImage/triggeredAt")),
                        Ages.since(Items.text(trigger, "/createdAt"))));
            }
            table.row(row);
        }
        return table;
    }

    @Override
    public List<String> names(JsonNode answer) {
        return Items.of(answer).stream()
                .map(trigger -> "trigger/" + trigger.path("name").asText())
                .toList();
    }
}
