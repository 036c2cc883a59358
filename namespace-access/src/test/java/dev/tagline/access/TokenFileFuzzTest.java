package dev.tagline.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzzing of the token file reader (Jazzer): whatever the file holds, it loads, or start-up stops
 * with an {@link IllegalArgumentException} naming the line, and never with a message that shows a token. Every
 * token a loaded file lists finds its caller. The corpus under {@code TokenFileFuzzTestInputs} runs in every build.
 */
class TokenFileFuzzTest {

    @FuzzTest
    void token_files_load_or_are_refused_without_showing_a_token(@NotNull String text) {
        List<String> lines = text.lines().toList();
        TokenFile file;
        try {
            file = TokenFile.parse(lines, "tokens");
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).startsWith("tokens line ");
            tokens(lines).forEach(token -> assertThat(refused.getMessage()).doesNotContain(token));
            return;
        }
        tokens(lines).forEach(token -> assertThat(file.callerOf(token)).isPresent());
    }

    /** The first field of every line that is not blank or a comment, as the reader splits it. */
    private static List<String> tokens(List<String> lines) {
        return lines.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+")[0])
                .filter(token -> token.length() >= TokenFile.MINIMUM_TOKEN_LENGTH)
                .filter(TokenFileFuzzTest::notInAnyMessage)
                .toList();
    }

    /** A "token" that the reader's own wording contains is no leak when a message shows it. */
    private static boolean notInAnyMessage(String token) {
        return Arrays.stream(new String[] {
                    "expected <token> <subject> [<group>,<group>…]",
                    "tokens need at least characters",
                    "the same token appears twice"
                })
                .noneMatch(message -> message.contains(token));
    }
}
