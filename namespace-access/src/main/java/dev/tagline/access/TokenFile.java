package dev.tagline.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Static bearer tokens read from a file, for running Tagline locally without an identity provider. Tokens are kept
 * only as SHA-256 hashes, so that looking one up takes no time that depends on how much of a guess was right.
 */
final class TokenFile {

    static final int MINIMUM_TOKEN_LENGTH = 16;

    private final Map<String, Caller> callersByTokenHash;

    private TokenFile(Map<String, Caller> callersByTokenHash) {
        this.callersByTokenHash = callersByTokenHash;
    }

    static TokenFile read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token file " + file, e);
        }
    }

    /** Parses the lines of a token file; problems name the line, never the token. */
    static TokenFile parse(List<String> lines, String name) {
        Map<String, Caller> callers = new HashMap<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length < 2 || fields.length > 3) {
                throw new IllegalArgumentException(
                        name + " line " + number + ": expected <token> <subject> [<group>,<group>…]");
            }
            if (fields[0].length() < MINIMUM_TOKEN_LENGTH) {
                throw new IllegalArgumentException(
                        name + " line " + number + ": tokens need at least " + MINIMUM_TOKEN_LENGTH + " characters");
            }
            List<String> groups = fields.length == 3 ? Arrays.asList(fields[2].split(",")) : List.of();
            if (callers.put(hash(fields[0]), Caller.withGroups(fields[1], groups)) != null) {
                throw new IllegalArgumentException(name + " line " + number + ": the same token appears twice");
            }
        }
        return new TokenFile(Map.copyOf(callers));
    }

    Optional<Caller> callerOf(String token) {
        return Optional.ofNullable(callersByTokenHash.get(hash(token)));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
