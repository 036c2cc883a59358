package dev.tagline.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Dockerfile's instructions, continuation lines joined and comments left out. */
final class Dockerfile {

    /** One instruction: its keyword in upper case and the rest of its line. */
    record Instruction(String keyword, String arguments) {

        List<String> words() {
            return List.of(arguments.strip().split("\\s+"));
        }
    }

    private final List<Instruction> instructions;

    private Dockerfile(List<Instruction> instructions) {
        this.instructions = instructions;
    }

    static Dockerfile read(Path file) {
        try {
            List<Instruction> instructions = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : Files.readAllLines(file)) {
                String stripped = line.strip();
                if (stripped.startsWith("#") || (stripped.isEmpty() && current.isEmpty())) {
                    continue;
                }
                if (stripped.endsWith("\\")) {
                    current.append(stripped, 0, stripped.length() - 1).append(' ');
                    continue;
                }
                current.append(stripped);
                String[] keywordAndArguments = current.toString().strip().split("\\s+", 2);
                instructions.add(new Instruction(
                        keywordAndArguments[0].toUpperCase(Locale.ROOT),
                        keywordAndArguments.length == 2 ? keywordAndArguments[1] : ""));
                current.setLength(0);
            }
            return new Dockerfile(instructions);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    List<Instruction> all(String keyword) {
        return instructions.stream()
                .filter(instruction -> instruction.keyword().equals(keyword))
                .toList();
    }

    /** The argument of the last instruction of a kind, as Docker applies the last {@code USER} or {@code ENTRYPOINT}. */
    String last(String keyword) {
        List<Instruction> matching = all(keyword);
        if (matching.isEmpty()) {
            throw new AssertionError("No " + keyword + " instruction");
        }
        return matching.get(matching.size() - 1).arguments();
    }
}
