package dev.tagline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.events.EventJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void writes_the_same_cells_as_a_markdown_table_and_as_json_numbers(@TempDir Path directory) throws Exception {
        Report report = new Report();
        report.table("1. Something", "How it was measured.", "rate", "p99 ms", "note")
                .row(1_000, 12.34, "ok")
                .row(5_000, Double.NaN, null)
                .note("Why the second row has no latency.");
        report.target("speed", "≥ 1,000/s", "1,000/s", true);

        report.write(directory);

        String markdown = Files.readString(directory.resolve("results.md"));
        assertThat(markdown)
                .contains(
                        "| target | goal | measured | met |",
                        "| speed | ≥ 1,000/s | 1,000/s | yes |",
                        "## 1. Something",
                        "How it was measured.",
                        "| rate | p99 ms | note |",
                        "| 1,000 | 12.3 | ok |",
                        "| 5,000 | – | – |",
                        "Why the second row has no latency.");
        JsonNode json =
                EventJson.mapper().readTree(directory.resolve("results.json").toFile());
        JsonNode rows = json.at("/benchmarks/1. Something/rows");
        assertThat(rows.get(0).get("rate").asInt()).isEqualTo(1_000);
        assertThat(rows.get(0).get("p99 ms").asDouble()).isEqualTo(12.34);
        assertThat(rows.get(1).get("p99 ms").isNull()).isTrue();
        assertThat(json.at("/targets/0/met").asBoolean()).isTrue();
    }

    @Test
    void a_row_must_fill_every_column() {
        Report.Table table = new Report().table("t", "m", "a", "b");
        assertThatThrownBy(() -> table.row(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 cells for 2 columns");
    }
}
