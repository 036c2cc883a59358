package dev.tagline.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.tagline.cli.api.Answer;
import java.io.PrintWriter;

/** Prints an API answer in the format {@code -o} asked for: JSON untouched, YAML, names, or a table. */
public final class Printer {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private Printer() {}

    public static void print(PrintWriter out, OutputFormat format, Answer answer, Listing listing) {
        if (format == OutputFormat.json) {
            out.println(answer.body());
        } else if (format == OutputFormat.yaml) {
            out.print(yaml(answer.json()));
        } else if (format == OutputFormat.name) {
            listing.names(answer.json()).forEach(out::println);
        } else {
            listing.table(answer.json(), format == OutputFormat.wide).print(out);
        }
        out.flush();
    }

    /** For answers that are printed as text of their own (describe): only the structured formats apply. */
    public static boolean printedStructured(PrintWriter out, OutputFormat format, Answer answer) {
        if (format == OutputFormat.json || format == OutputFormat.yaml) {
            print(out, format, answer, null);
            return true;
        }
        return false;
    }

    static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
