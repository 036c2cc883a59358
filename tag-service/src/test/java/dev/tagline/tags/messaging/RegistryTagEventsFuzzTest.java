package dev.tagline.tags.messaging;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.tagline.events.Topics;
import dev.tagline.tags.service.RegistryEventApplier;
import dev.tagline.tags.service.RegistryTagChangeApplier;
import dev.tagline.tags.service.SignatureVerdictApplier;
import dev.tagline.tags.service.SourceProblemRecorder;
import dev.tagline.testkit.RecordText;

/**
 * Coverage-guided fuzzing of the {@code registry-tag-events} consumer's validation (Jazzer), which runs before any
 * database work: whatever the headers and value, a record validates or is refused with a
 * {@code MalformedEventException} naming its field, which dead-letters it alone. Any other exception counts as
 * transient and would hold its partition in retries forever. Inputs are {@link RecordText}; the corpus under
 * {@code RegistryTagEventsFuzzTestInputs} runs in every build.
 */
class RegistryTagEventsFuzzTest {

    /** Validation touches none of the applier's database collaborators. */
    private final RegistryEventApplier applier = new RegistryEventApplier(
            null,
            new RegistryTagChangeApplier(null, null, null),
            null,
            null,
            new SourceProblemRecorder(null, null, null),
            new SignatureVerdictApplier(null, null, null, null, null, null, null),
            null);

    @FuzzTest
    @DictionaryFile(resourcePath = "/fuzz/events.dict")
    void every_record_applies_or_is_dead_lettered_naming_its_field(@NotNull String text) {
        RecordText.acceptedOrRefusedNamingAField(Topics.REGISTRY_TAG_EVENTS, text, applier::validate);
    }
}
