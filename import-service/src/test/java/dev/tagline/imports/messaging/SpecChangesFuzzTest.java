package dev.tagline.imports.messaging;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.tagline.events.Topics;
import dev.tagline.imports.service.FollowerSchedule;
import dev.tagline.imports.service.SpecChangeApplier;
import dev.tagline.testkit.RecordText;

/**
 * Coverage-guided fuzzing of the {@code tag.spec-changed} consumer's validation (Jazzer), which runs before any
 * database work: whatever the headers and value, a record validates, passes by (another type), or is refused with a
 * {@code MalformedEventException} naming its field, which dead-letters it alone. Any other exception counts as
 * transient and would hold its partition in retries forever. Inputs are {@link RecordText}; the corpus under
 * {@code SpecChangesFuzzTestInputs} runs in every build.
 */
class SpecChangesFuzzTest {

    /** Validation touches none of the applier's database collaborators. */
    private final SpecChangeApplier applier = new SpecChangeApplier(null, null, new FollowerSchedule(null));

    @FuzzTest
    @DictionaryFile(resourcePath = "/fuzz/events.dict")
    void every_record_applies_or_is_dead_lettered_naming_its_field(@NotNull String text) {
        RecordText.acceptedOrRefusedNamingAField(Topics.IMAGESTREAM_TAG_EVENTS, text, applier::validate);
    }
}
