package dev.tagline.events.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Names users choose: DNS-1123 labels and image tags, each problem in words. */
class ResourceNamesTest {

    private static final String ONLY_LABEL_CHARACTERS = "; only lowercase letters, digits and '-' are allowed";

    @ParameterizedTest
    @ValueSource(strings = {"a", "0", "team-a", "a1-b2--c3"})
    void a_dns1123_label_has_no_problem(String value) {
        assertThat(ResourceNames.dns1123LabelProblem(value)).isEmpty();
    }

    @Test
    void a_dns1123_label_may_have_63_characters() {
        assertThat(ResourceNames.dns1123LabelProblem("a".repeat(63))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void a_bad_dns1123_label_is_described(String value, String problem) {
        assertThat(ResourceNames.dns1123LabelProblem(value)).contains(problem);
    }

    static Stream<Arguments> a_bad_dns1123_label_is_described() {
        return Stream.of(
                Arguments.of(null, "name is empty; it needs 1 to 63 characters"),
                Arguments.of("", "name is empty; it needs 1 to 63 characters"),
                Arguments.of("a".repeat(64), "name '" + "a".repeat(40) + "…' is 64 characters; at most 63"),
                Arguments.of("Team-a", "name 'Team-a' contains 'T' at position 0" + ONLY_LABEL_CHARACTERS),
                Arguments.of("team_a", "name 'team_a' contains '_' at position 4" + ONLY_LABEL_CHARACTERS),
                Arguments.of("tëam", "name 'tU+00EBam' contains U+00EB at position 1" + ONLY_LABEL_CHARACTERS),
                Arguments.of("a.b", "name 'a.b' contains '.' at position 1" + ONLY_LABEL_CHARACTERS),
                Arguments.of("-team", "name '-team' must start with a lowercase letter or digit"),
                Arguments.of("team-", "name 'team-' must end with a lowercase letter or digit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "v1.25.3", "_x", "A-b.C", "1", "x--y..z"})
    void a_tag_has_no_problem(String value) {
        assertThat(ResourceNames.tagNameProblem(value)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void a_bad_tag_is_described(String value, String problem) {
        assertThat(ResourceNames.tagNameProblem(value)).contains(problem);
    }

    static Stream<Arguments> a_bad_tag_is_described() {
        return Stream.of(
                Arguments.of(null, "tag is empty"),
                Arguments.of("", "tag is empty"),
                Arguments.of("t".repeat(129), "tag '" + "t".repeat(40) + "…' is longer than 128 characters (129)"),
                Arguments.of("-x", "tag '-x' must start with a letter, digit or '_'"),
                Arguments.of(".x", "tag '.x' must start with a letter, digit or '_'"),
                Arguments.of(
                        "a/b",
                        "tag 'a/b' contains '/' at position 1; only letters, digits, '_', '.' and '-' "
                                + "are allowed"),
                Arguments.of(
                        "a b",
                        "tag 'aU+0020b' contains U+0020 at position 1; only letters, digits, '_', '.' and "
                                + "'-' are allowed"),
                Arguments.of(
                        "lätest",
                        "tag 'lU+00E4test' contains U+00E4 at position 1; only letters, digits, '_', "
                                + "'.' and '-' are allowed"));
    }

    @Test
    void a_tag_may_have_128_characters() {
        assertThat(ResourceNames.tagNameProblem("_" + "T".repeat(127))).isEmpty();
    }
}
