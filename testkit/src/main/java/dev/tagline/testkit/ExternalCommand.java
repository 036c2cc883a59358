package dev.tagline.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds and runs the command-line programs tests drive as a user would (skopeo, kcat, kustomize, docker-compose):
 * each to its end within a deadline. Output and errors go to files, so a chatty program never stalls on a full pipe.
 */
public final class ExternalCommand {

    /** What a finished program printed, and how it ended. */
    public record Result(List<String> command, int exitCode, String output, String errors) {

        /** The output; a failed program is an exception naming the command and what it said. */
        public String outputIfSucceeded() {
            if (exitCode != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed (exit " + exitCode + "):\n" + errors + output);
            }
            return output;
        }
    }

    private ExternalCommand() {}

    /** The program as found on this process's {@code PATH}. */
    public static Optional<Path> find(String program) {
        return find(program, System.getenv().getOrDefault("PATH", ""));
    }

    /** The program as found on {@code searchPath}, a PATH-style list of directories. */
    public static Optional<Path> find(String program, String searchPath) {
        return Arrays.stream(searchPath.split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Runs {@code command} in this process's working directory and returns its output, or fails with its errors. */
    public static String output(List<String> command, Duration timeout) {
        return run(command, null, timeout).outputIfSucceeded();
    }

    /**
     * Runs {@code command} in {@code directory} (null: this process's), with nothing on its standard input, and waits
     * for it; one that outlives {@code timeout} is killed and reported as an exception.
     */
    public static Result run(List<String> command, Path directory, Duration timeout) {
        try {
            Path output = Files.createTempFile("tagline-command", ".out");
            Path errors = Files.createTempFile("tagline-command", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(output.toFile())
                        .redirectError(errors.toFile());
                if (directory != null) {
                    builder.directory(directory.toFile());
                }
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
                }
                return new Result(
                        command,
                        process.exitValue(),
                        Files.readString(output, StandardCharsets.UTF_8),
                        Files.readString(errors, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
    }
}
