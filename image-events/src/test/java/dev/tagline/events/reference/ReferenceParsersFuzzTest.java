package dev.tagline.events.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/**
 * Coverage-guided fuzzing of the reference and digest parsers (Jazzer): whatever the text, a parser either accepts it
 * or refuses it with {@link InvalidReferenceException}, and what it accepts it accepts again, unchanged, in its
 * canonical spelling. The corpus under {@code ReferenceParsersFuzzTestInputs} runs in every build.
 */
class ReferenceParsersFuzzTest {

    @FuzzTest
    void image_references_parse_or_are_refused_and_their_canonical_form_parses_to_itself(@NotNull String text) {
        ImageReference reference;
        try {
            reference = ImageReference.parse(text);
        } catch (InvalidReferenceException refused) {
            return;
        }
        assertThat(ImageReference.parse(reference.canonical())).isEqualTo(reference);
    }

    @FuzzTest
    void digests_parse_or_are_refused_and_print_as_they_parsed(@NotNull String text) {
        Digest digest;
        try {
            digest = Digest.parse(text);
        } catch (InvalidReferenceException refused) {
            return;
        }
        assertThat(digest.toString()).isEqualTo(text);
    }
}
