package dev.tagline.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Columns aligned as {@code oc get} aligns them: upper-case headers, three spaces between columns. */
public final class Table {

    private static final String GAP = "   ";
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    public Table(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    public Table row(List<String> cells) {
        rows.add(cells.stream()
                .map(cell -> cell == null || cell.isEmpty() ? "<none>" : cell)
                .toList());
        return this;
    }

    public Table row(String... cells) {
        return row(List.of(cells));
    }

    public void print(PrintWriter out) {
        print(out, true);
    }

    /** The rows alone, for lines that continue a table printed before ({@code --watch}). */
    public void printRows(PrintWriter out) {
        print(out, false);
    }

    private void print(PrintWriter out, boolean withHeaders) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        if (withHeaders) {
            printRow(out, headers, widths);
        }
        rows.forEach(row -> printRow(out, row, widths));
        out.flush();
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(cells.get(i));
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cells.get(i).length())).append(GAP);
            }
        }
        out.println(line);
    }
}
