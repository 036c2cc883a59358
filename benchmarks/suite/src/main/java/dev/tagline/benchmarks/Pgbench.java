package dev.tagline.benchmarks;

import dev.tagline.testkit.ExternalCommand;
import dev.tagline.testkit.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL's own {@code pgbench} running a custom script against the services' Postgres. */
final class Pgbench {

    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");

    private Pgbench() {}

    static Optional<Path> find() {
        return ExternalCommand.find("pgbench");
    }

    /** Transactions per second of {@code script} with {@code clients} connections for {@code duration}. */
    static double transactionsPerSecond(
            Path pgbench, PostgresServer postgres, String script, int clients, Duration duration, Path workDirectory) {
        try {
            Path file = Files.writeString(workDirectory.resolve("pgbench-script.sql"), script);
            List<String> command = List.of(
                    pgbench.toString(),
                    "--no-vacuum",
                    "--client=" + clients,
                    "--jobs=" + Math.min(clients, 2),
                    "--time=" + duration.toSeconds(),
                    "--file=" + file,
                    connectionString(postgres));
            ExternalCommand.Result result = ExternalCommand.run(command, workDirectory, duration.plusMinutes(1));
            if (result.exitCode() != 0) {
                throw new IllegalStateException("pgbench failed: " + result.output() + result.errors());
            }
            return transactionsPerSecond(result.output());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double transactionsPerSecond(String output) {
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("No tps in pgbench's output: " + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    /** libpq's URI form, which pgbench takes where a database name goes. */
    private static String connectionString(PostgresServer postgres) {
        URI jdbc = URI.create(postgres.jdbcUrl().substring("jdbc:".length()));
        return "postgresql://" + encode(postgres.username()) + ":" + encode(postgres.password()) + "@" + jdbc.getHost()
                + ":" + jdbc.getPort() + jdbc.getPath();
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }
}
