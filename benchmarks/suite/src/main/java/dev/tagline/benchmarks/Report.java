package dev.tagline.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the suite measured: one table per benchmark, and every target with where it stands. Written as Markdown for
 * people and as JSON (the same cells, numbers as numbers) for tools that compare runs.
 */
public final class Report {

    /** One benchmark's table: its heading, a sentence on what was measured, columns and rows. */
    public static final class Table {
        private final String title;
        private final String method;
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Table(String title, String method, List<String> columns) {
            this.title = title;
            this.method = method;
            this.columns = columns;
        }

        public Table row(Object... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException(
                        title + ": " + cells.length + " cells for " + columns.size() + " columns");
            }
            rows.add(Arrays.asList(cells));
            return this;
        }

        /** A remark printed under the table, such as why a row is missing. */
        public Table note(String note) {
            notes.add(note);
            return this;
        }
    }

    /** A target from the issue and what this run gave. */
    public record Target(String name, String goal, String measured, boolean met) {}

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final List<Target> targets = new ArrayList<>();
    private final Map<String, String> machine = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    public Table table(String title, String method, String... columns) {
        return tables.computeIfAbsent(title, t -> new Table(title, method, List.of(columns)));
    }

    public void target(String name, String goal, String measured, boolean met) {
        targets.add(new Target(name, goal, measured, met));
    }

    /** A benchmark that could not finish, and why; the others still report. */
    public void failed(String benchmark, Exception failure) {
        failures.add(benchmark + ": " + failure);
    }

    /** Whether every benchmark finished. */
    public boolean complete() {
        return failures.isEmpty();
    }

    public void machine(String key, String value) {
        machine.put(key, value);
    }

    /** Writes {@code results.md} and {@code results.json} into {@code directory}. */
    public void write(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("results.md"), markdown());
            Files.writeString(
                    directory.resolve("results.json"),
                    EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the results to " + directory, e);
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Tagline benchmarks\n\n");
        machine.forEach((key, value) ->
                md.append("- ").append(key).append(": ").append(value).append('\n'));
        if (!targets.isEmpty()) {
            md.append("\n## Targets\n\n| target | goal | measured | met |\n|---|---|---|---|\n");
            targets.forEach(target -> md.append("| ")
                    .append(target.name())
                    .append(" | ")
                    .append(target.goal())
                    .append(" | ")
                    .append(target.measured())
                    .append(" | ")
                    .append(target.met() ? "yes" : "**no**")
                    .append(" |\n"));
        }
        if (!failures.isEmpty()) {
            md.append("\n## Did not finish\n\n");
            failures.forEach(failure -> md.append("- ").append(failure).append('\n'));
        }
        for (Table table : tables.values()) {
            md.append("\n## ")
                    .append(table.title)
                    .append("\n\n")
                    .append(table.method)
                    .append("\n\n| ")
                    .append(String.join(" | ", table.columns))
                    .append(" |\n|")
                    .append("---|".repeat(table.columns.size()))
                    .append('\n');
            table.rows.forEach(row -> md.append("| ")
                    .append(String.join(" | ", row.stream().map(Report::cell).toList()))
                    .append(" |\n"));
            table.notes.forEach(note -> md.append("\n").append(note).append('\n'));
        }
        return md.toString();
    }

    private ObjectNode json() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("writtenAt", Instant.now().toString());
        ObjectNode machineNode = root.putObject("machine");
        machine.forEach(machineNode::put);
        ArrayNode targetNodes = root.putArray("targets");
        targets.forEach(target -> targetNodes
                .addObject()
                .put("name", target.name())
                .put("goal", target.goal())
                .put("measured", target.measured())
                .put("met", target.met()));
        ArrayNode failureNodes = root.putArray("failures");
        failures.forEach(failureNodes::add);
        ObjectNode benchmarks = root.putObject("benchmarks");
        for (Table table : tables.values()) {
            ObjectNode tableNode = benchmarks.putObject(table.title);
            tableNode.put("method", table.method);
            ArrayNode rowNodes = tableNode.putArray("rows");
            for (List<Object> row : table.rows) {
                ObjectNode rowNode = rowNodes.addObject();
                for (int i = 0; i < row.size(); i++) {
                    rowNode.set(table.columns.get(i), EventJson.mapper().valueToTree(jsonValue(row.get(i))));
                }
            }
            ArrayNode noteNodes = tableNode.putArray("notes");
            table.notes.forEach(noteNodes::add);
        }
        return root;
    }

    private static Object jsonValue(Object cell) {
        return cell instanceof Double d && (d.isNaN() || d.isInfinite()) ? null : cell;
    }

    static String cell(Object value) {
        if (value == null) {
            return "–";
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return "–";
            }
            return Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%.1f", d);
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
        }
        return value.toString();
    }
}
