package dev.tagline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The summaries of Kafka's and Postgres' own tools, as they print them. */
class ToolOutputTest {

    @Test
    void the_last_producer_performance_summary_is_the_result() {
        String output = """
                240313 records sent, 48043.4 records/sec (30.99 MB/sec), 301.4 ms avg latency, 612.0 ms max latency.
                500000 records sent, 51020.4 records/sec (32.91 MB/sec), 280.11 ms avg latency, 640.00 ms max latency, \
                265 ms 50th, 512 ms 95th, 598 ms 99th, 631 ms 99.9th.
                """;

        KafkaProducerCeiling.Result result = KafkaProducerCeiling.parse(output);

        assertThat(result.records()).isEqualTo(500_000);
        assertThat(result.recordsPerSecond()).isEqualTo(51020.4);
        assertThat(result.p50Millis()).isEqualTo(265);
        assertThat(result.p99Millis()).isEqualTo(598);
    }

    @Test
    void pgbench_reports_transactions_per_second_without_connection_time() {
        String output = """
                number of transactions actually processed: 138924
                latency average = 0.107 ms
                initial connection time = 4.512 ms
                tps = 9261.428103 (without initial connection time)
                """;

        assertThat(Pgbench.transactionsPerSecond(output)).isEqualTo(9261.428103);
    }
}
