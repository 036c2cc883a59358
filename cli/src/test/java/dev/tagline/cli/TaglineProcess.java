package dev.tagline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built {@code target/tagline} as a user would, with a config file of its own and no {@code TAGLINE_*}
 * variables but those given, and checks on every run that no token it knows of appears in what it printed.
 */
final class TaglineProcess {

    private static final long TIMEOUT_SECONDS = 60;
    private static final Path EXECUTABLE = Path.of(System.getProperty("tagline.executable", "target/tagline"));

    private final Path configFile;
    private final Map<String, String> environment;
    private final List<String> secrets;

    /** @param secrets tokens that must never be printed */
    TaglineProcess(Path configFile, Map<String, String> environment, List<String> secrets) {
        this.configFile = configFile;
        this.environment = Map.copyOf(environment);
        this.secrets = List.copyOf(secrets);
    }

    TaglineProcess withEnvironment(Map<String, String> more) {
        Map<String, String> combined = new HashMap<>(environment);
        combined.putAll(more);
        return new TaglineProcess(configFile, combined, secrets);
    }

    /** What one run printed, and how it ended. */
    record Result(int exitCode, String out, String err) {

        List<String> lines() {
            return out.lines().toList();
        }
    }

    /** A run that goes on ({@code --watch}) until closed; what it printed so far can be read at any time. */
    record Running(Process process, Path out) implements AutoCloseable {

        String output() {
            try {
                return Files.readString(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            process.destroy();
            process.waitFor();
            Files.delete(out);
        }
    }

    Running start(String... arguments) {
        try {
            Path out = Files.createTempFile("tagline", ".out");
            return new Running(
                    builder(
                                    arguments,
                                    out,
                                    ProcessBuilder.Redirect.DISCARD.file().toPath())
                            .start(),
                    out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProcessBuilder builder(String[] arguments, Path out, Path err) {
        List<String> command =
                new ArrayList<>(List.of(EXECUTABLE.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TAGLINE_"));
        builder.environment().put("TAGLINE_CONFIG", configFile.toString());
        builder.environment().putAll(environment);
        return builder;
    }

    Result run(String... arguments) {
        try {
            Path out = Files.createTempFile("tagline", ".out");
            Path err = Files.createTempFile("tagline", ".err");
            Process process = builder(arguments, out, err).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(
                        "tagline " + String.join(" ", arguments) + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            for (String secret : secrets) {
                assertThat(result.out() + result.err())
                        .as("tagline %s printed a token", String.join(" ", arguments))
                        .doesNotContain(secret);
            }
            assertThat(result.err())
                    .as("no stack traces")
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception");
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs and requires success, for steps whose point lies elsewhere. */
    Result ok(String... arguments) {
        Result result = run(arguments);
        assertThat(result.exitCode())
                .as("tagline %s: %s", String.join(" ", arguments), result.err())
                .isZero();
        return result;
    }
}
